package dev.asyncinspect.cli;

import java.io.IOException;

/**
 * A running JVM cannot be reached or inspected: no such process, another user's, not a JVM, no
 * answer. Its message is complete as it is and is shown to the user unchanged.
 */
final class JvmAccessException extends IOException {
  private static final long serialVersionUID = 1L;

  JvmAccessException(String message) {
    super(message);
  }

  JvmAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
