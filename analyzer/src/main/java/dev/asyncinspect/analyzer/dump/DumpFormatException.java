package dev.asyncinspect.analyzer.dump;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that {@link DumpReader} cannot read as a dump: not a dump at all, a format version this
 * reader does not know, or a line that is not what the format says. The message says where: {@code
 * FILE: problem} for the file as a whole, {@code FILE:LINE: problem} for one line.
 */
public final class DumpFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;

  /** A problem with the file as a whole. */
  public DumpFormatException(Path file, String problem) {
    this(file, 0, problem, null);
  }

  /** A problem with one line; {@code line} counts from 1. */
  public DumpFormatException(Path file, int line, String problem) {
    this(file, line, problem, null);
  }

  /** A problem with one line ({@code line} from 1), or with the whole file ({@code line} 0). */
  public DumpFormatException(Path file, int line, String problem, Throwable cause) {
    super((line > 0 ? file + ":" + line : String.valueOf(file)) + ": " + problem, cause);
    this.file = file;
    this.line = line;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }

  /** The line the problem is on, from 1; 0 when it concerns the file as a whole. */
  public int line() {
    return line;
  }
}
