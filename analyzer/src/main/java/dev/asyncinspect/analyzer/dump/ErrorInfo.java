package dev.asyncinspect.analyzer.dump;

import java.util.List;

/**
 * An exception recorded for a failed or cancelled task.
 *
 * @param className the exception class (JSON field {@code class})
 * @param message the message, or null when absent or not recorded
 * @param stack the stack, innermost first, cut after 64 frames
 * @param framesOmitted how many frames were cut from {@code stack}
 * @param cause the cause, or null
 */
public record ErrorInfo(
    String className, String message, List<StackFrame> stack, int framesOmitted, ErrorInfo cause) {

  public ErrorInfo {
    stack = Copies.list(stack);
  }

  /** Like {@link Throwable#toString()}: the class name, then {@code ": message"} when present. */
  @Override
  public String toString() {
    return message == null ? className : className + ": " + message;
  }
}
