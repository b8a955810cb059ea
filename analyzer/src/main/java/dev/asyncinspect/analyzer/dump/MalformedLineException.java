package dev.asyncinspect.analyzer.dump;

/**
 * A line that is not one JSON object. Internal to the reader, which decides whether that is a
 * broken file or a last line cut short, and turns it into a {@link DumpFormatException} with the
 * file and line.
 */
final class MalformedLineException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedLineException(String problem, Throwable cause) {
    super(problem, cause);
  }
}
