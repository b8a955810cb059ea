package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;

/**
 * One frame of an async stack trace: a task on the parent chain of a failed task, and where in its
 * method it was when its child failed.
 *
 * @param task the task id
 * @param className the class of the task's method, or null when the dump lacks the method
 * @param method the method name, or the task name when the dump lacks the method
 * @param file the source file of the location, or null when unknown
 * @param line the line of the location, or null when unknown
 * @param await the await point the task was blocked at, when that is where it was; else null
 * @param source how the location was found
 */
public record AsyncFrame(
    long task,
    String className,
    String method,
    String file,
    Integer line,
    AwaitPointInfo await,
    Source source) {

  /** How the location of a frame was found, from the most to the least precise. */
  public enum Source {
    /** The failed task itself: the frame of its method in its exception's stack. */
    THROWN,
    /** The task is {@code BLOCKED} now, at this await point. */
    BLOCKED,
    /**
     * From the event history: the await point the task was blocked at when its child failed, or,
     * for an ASYNC child, the first wait on a future after that (where the failure reached it).
     */
    EVENT_HISTORY,
    /**
     * The frame of the task's method in the failed task's exception stack (a call on one thread).
     */
    CALL_SITE,
    /** Only the first line of the task's method is known. */
    METHOD,
    /** Nothing is known of where the task was. */
    UNKNOWN
  }

  /**
   * {@code File.java:12}, {@code File.java}, or {@code Unknown Source}, as in a Java stack trace.
   */
  public String location() {
    if (file == null) {
      return line == null ? "Unknown Source" : "line " + line;
    }
    return line == null ? file : file + ":" + line;
  }
}
