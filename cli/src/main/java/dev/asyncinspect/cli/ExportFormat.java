package dev.asyncinspect.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What {@code export --format} writes. Written in lower case on the command line. */
enum ExportFormat {
  /** The call graph in Graphviz DOT. */
  DOT,
  /** The call graph as a Mermaid flowchart. */
  MERMAID,
  /** Everything the analyzer finds, as one JSON document. */
  JSON,
  /** The timeline in the Chrome trace event format, for Perfetto and chrome://tracing. */
  PERFETTO,
  /** A self-contained HTML report, for a browser, offline. */
  HTML;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The formats as the usage lists them: {@code dot, mermaid, json, perfetto}. */
  static String names() {
    return Arrays.stream(values()).map(ExportFormat::toString).collect(Collectors.joining(", "));
  }

  /** Reads {@code dot}, {@code DOT}, ...; says which formats exist otherwise. */
  static final class Converter implements ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String value) {
      for (ExportFormat format : values()) {
        if (format.name().equalsIgnoreCase(value)) {
          return format;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a format; expected one of " + names());
    }
  }
}
