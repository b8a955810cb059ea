package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskState;

/**
 * A stretch of a task's life in one state, part of its {@link TaskTimeline}. Times are nanoseconds
 * on the dump clock.
 *
 * @param state the state: {@code QUEUED}, {@code RUNNING}, {@code BLOCKED} or {@code SUSPENDED};
 *     never a terminal state (a task's end closes its last segment)
 * @param start when the task entered the state
 * @param end when it left it, or the end of the task's timeline (the dump's moment for a live task)
 * @param thread for {@code RUNNING} and {@code BLOCKED}, the id of the thread the task ran on, when
 *     known; null for the other states, and where the dump does not say (a finished SPAWNED task's
 *     worker thread)
 * @param await for {@code BLOCKED}, where the task waited and, when known, on what; else null
 */
public record StateSegment(
    TaskState state, long start, long end, Long thread, TimelineAwait await) {

  /** How long the segment lasts; never negative. */
  public long duration() {
    return Math.max(0, end - start);
  }

  /** Whether the task owned a thread during the segment ({@code RUNNING} or {@code BLOCKED}). */
  public boolean ownsThread() {
    return state == TaskState.RUNNING || state == TaskState.BLOCKED;
  }
}
