package dev.asyncinspect.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Which graph {@code export --format dot|mermaid} draws ({@code --graph}). */
enum ExportGraph {
  /** Traced methods, their calls and their waits on futures. */
  CALLS,
  /** Every task, parent → child, and what each waits on and who would release it. */
  RELATIONS,
  /** Only the waits: tasks, what they wait on, who would release it. */
  WAIT_FOR;

  /** {@code calls}, {@code relations}, {@code wait-for}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String names() {
    return Arrays.stream(values()).map(ExportGraph::toString).collect(Collectors.joining(", "));
  }

  /** Reads {@code wait-for}, {@code WAIT-FOR}, ...; says which graphs exist otherwise. */
  static final class Converter implements ITypeConverter<ExportGraph> {
    @Override
    public ExportGraph convert(String value) {
      for (ExportGraph graph : values()) {
        if (graph.toString().equalsIgnoreCase(value)) {
          return graph;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a graph; expected one of " + names());
    }
  }
}
