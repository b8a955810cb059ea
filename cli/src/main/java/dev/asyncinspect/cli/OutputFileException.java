package dev.asyncinspect.cli;

import java.io.IOException;

/**
 * An output file that cannot be written. Its message is the whole one-line error, {@code cannot
 * write out.dot: no such directory}; like unreadable input, it is the user's to fix.
 */
final class OutputFileException extends IOException {
  private static final long serialVersionUID = 1L;

  OutputFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
