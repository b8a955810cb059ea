package dev.asyncinspect.analyzer.dump;

/**
 * One frame of a thread's or an exception's stack.
 *
 * @param className the class, a binary name (JSON field {@code class})
 * @param method the method name
 * @param file the source file, or null when unknown
 * @param line the line, or null when unknown
 * @param nativeMethod whether it is a native method (JSON field {@code native})
 */
public record StackFrame(
    String className, String method, String file, Integer line, boolean nativeMethod) {

  /** Like {@link StackTraceElement#toString()}: {@code a.B.m(B.java:12)}. */
  @Override
  public String toString() {
    String where;
    if (nativeMethod) {
      where = "Native Method";
    } else if (file == null) {
      where = "Unknown Source";
    } else if (line == null) {
      where = file;
    } else {
      where = file + ":" + line;
    }
    return className + "." + method + "(" + where + ")";
  }
}
