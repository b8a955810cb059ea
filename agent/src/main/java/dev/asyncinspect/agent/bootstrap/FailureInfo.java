package dev.asyncinspect.agent.bootstrap;

/**
 * A copy of what a dump needs from an exception: class, message, stack and causes. Taken when the
 * task fails, so the agent does not keep the exception (and what it references) alive.
 */
final class FailureInfo {
  static final int MAX_FRAMES = 64;
  static final int MAX_CAUSES = 8;

  final String className;
  final String message;
  final StackTraceElement[] stack;
  final int framesOmitted;
  final FailureInfo cause;

  private FailureInfo(Throwable error, boolean withMessage, int depth) {
    this.className = error.getClass().getName();
    this.message = withMessage ? error.getMessage() : null;
    StackTraceElement[] all = error.getStackTrace();
    int kept = Math.min(all.length, MAX_FRAMES);
    this.stack = java.util.Arrays.copyOf(all, kept);
    this.framesOmitted = all.length - kept;
    Throwable next = error.getCause();
    this.cause =
        next != null && next != error && depth < MAX_CAUSES
            ? new FailureInfo(next, withMessage, depth + 1)
            : null;
  }

  static FailureInfo of(Throwable error, boolean withMessage) {
    return error == null ? null : new FailureInfo(error, withMessage, 1);
  }
}
