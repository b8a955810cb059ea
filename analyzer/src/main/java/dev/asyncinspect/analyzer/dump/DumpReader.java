package dev.asyncinspect.analyzer.dump;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a dump file (docs/dump-format.md) into a {@link Dump}, streaming, one line at a time.
 *
 * <ul>
 *   <li>A path ending in {@code .gz} is read as gzip-compressed.
 *   <li>A file that is not a dump, a major version other than {@value #SUPPORTED_MAJOR_VERSION}, or
 *       a broken line is refused with a {@link DumpFormatException} that says where.
 *   <li>Unknown record types and fields are ignored, as minor versions may add them.
 *   <li>A file without its end record (a dump cut short) is read as far as its complete lines go:
 *       {@link Dump#complete()} is false and {@link Dump#warnings()} says so. Its last line, if cut
 *       in the middle (no newline, not valid JSON), is dropped rather than refused.
 * </ul>
 */
public final class DumpReader {
  /** The {@code header.format} of every dump. */
  public static final String FORMAT = "async-inspect-dump";

  /** The major version this reader reads; every minor version of it is accepted. */
  public static final int SUPPORTED_MAJOR_VERSION = 1;

  /** The minor version this reader was written for; later ones may add fields and values. */
  public static final int KNOWN_MINOR_VERSION = 2;

  // A header is a few hundred bytes; a non-dump should be refused without reading it whole.
  private static final int MAX_HEADER_LINE = 1 << 20;
  // Generous (a thread stack or a waiter list of a huge dump stays far below), but bounded.
  private static final int MAX_LINE = 64 << 20;
  private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");

  private DumpReader() {}

  /** Reads a dump; see the class comment for what is refused and what is tolerated. */
  public static Dump read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      DumpLines lines = new DumpLines(file, in);
      HeaderLine header = readHeader(file, lines);
      DumpAssembler dump = new DumpAssembler(file, header.header());
      FastLines fast = new FastLines();
      int cutLine = 0;
      while (true) {
        if (fast.readInPlace(dump, lines)) {
          continue;
        }
        if (!lines.next(MAX_LINE)) {
          break;
        }
        int number = lines.number();
        if (lines.tooLong()) {
          throw new DumpFormatException(file, number, "line longer than " + MAX_LINE + " bytes");
        }
        if (fast.read(dump, lines, number)) {
          continue;
        }
        Map<String, Object> record;
        try {
          record = JsonLineParser.parseObject(lines.bytes(), lines.length());
        } catch (MalformedLineException e) {
          if (!lines.terminated() && !dump.ended()) {
            // The last line, without its newline: the file was cut while written or copied.
            cutLine = number;
            break;
          }
          throw new DumpFormatException(file, number, e.getMessage(), e);
        }
        if (dump.ended()) {
          throw new DumpFormatException(file, number, "a record after the end record");
        }
        Object type = record.get("type");
        if (!(type instanceof String typeName)) {
          throw new DumpFormatException(file, number, "a record without a string \"type\" field");
        }
        dump.add(typeName, new JsonFields(record, file, number, typeName, header.newerNote()));
      }
      String truncation = dump.ended() ? null : truncation(file, lines, cutLine);
      return dump.build(truncation);
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (!file.getFileName().toString().endsWith(".gz")) {
      return in;
    }
    try {
      return new GZIPInputStream(in, 1 << 16);
    } catch (ZipException | EOFException e) {
      in.close();
      throw new DumpFormatException(
          file, 0, "not an async-inspect dump: the name ends in .gz but it is not gzip data", e);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private record HeaderLine(Header header, String newerNote) {}

  private static HeaderLine readHeader(Path file, DumpLines lines) throws IOException {
    if (!lines.next(MAX_HEADER_LINE)) {
      throw notADump(file, "the file is empty");
    }
    if (looksGzipped(lines)) {
      throw notADump(file, "it looks gzip-compressed, and a compressed dump's name ends in .gz");
    }
    if (lines.tooLong()) {
      throw notADump(file, "its first line is not a header");
    }
    Map<String, Object> record;
    try {
      record = JsonLineParser.parseObject(lines.bytes(), lines.length());
    } catch (MalformedLineException e) {
      throw notADump(file, "its first line is not a JSON object");
    }
    if (!"header".equals(record.get("type")) || !FORMAT.equals(record.get("format"))) {
      throw notADump(file, "its first line is not a header with format \"" + FORMAT + "\"");
    }
    JsonFields fields = new JsonFields(record, file, 1, "header", null);
    String version = fields.requiredString("version");
    Matcher matcher = VERSION.matcher(version);
    if (!matcher.matches()) {
      throw fields.fieldError(
          "version", "expected MAJOR.MINOR, found " + JsonFields.describe(version));
    }
    int major = Integer.parseInt(matcher.group(1));
    int minor = Integer.parseInt(matcher.group(2));
    if (major != SUPPORTED_MAJOR_VERSION) {
      Object agent = record.get("agentVersion");
      throw new DumpFormatException(
          file,
          "dump format version "
              + version
              + (agent instanceof String ? " (written by agent " + agent + ")" : "")
              + " is not supported: this async-inspect reads version "
              + SUPPORTED_MAJOR_VERSION
              + ".x");
    }
    String newerNote =
        minor > KNOWN_MINOR_VERSION
            ? "the dump's format "
                + version
                + " is newer than this reader's "
                + SUPPORTED_MAJOR_VERSION
                + "."
                + KNOWN_MINOR_VERSION
                + "; a newer async-inspect may know this value"
            : null;
    return new HeaderLine(RecordDecoder.header(fields), newerNote);
  }

  private static boolean looksGzipped(DumpLines lines) {
    byte[] bytes = lines.bytes();
    return lines.length() >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  private static DumpFormatException notADump(Path file, String why) {
    return new DumpFormatException(file, "not an async-inspect dump: " + why);
  }

  private static String truncation(Path file, DumpLines lines, int cutLine) {
    if (cutLine > 0) {
      return file
          + ": the dump is truncated: line "
          + cutLine
          + " is cut short and no end record follows; read up to line "
          + (cutLine - 1);
    }
    String why = lines.inputCutShort() ? "the compressed data ends early" : "it has no end record";
    return file + ": the dump is truncated: " + why + "; read up to line " + lines.number();
  }
}
