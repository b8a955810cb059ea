package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.report.DurationFormat;

/**
 * When a live task counts as stuck.
 *
 * <ul>
 *   <li>With a threshold ({@link #olderThan(long)}): a task not terminal that has been in its state
 *       for the threshold or longer, whatever the state.
 *   <li>By default ({@link #defaultsFor(Dump)}), for a dump of a running JVM ({@code request},
 *       {@code interval}): the same with {@value #DEFAULT_THRESHOLD_NANOS} ns, one second. A second
 *       is far above a healthy await (microseconds to milliseconds) and far below the time after
 *       which a person starts to wonder.
 *   <li>By default for a dump written when the JVM exited ({@code exit}): every task that was still
 *       <em>waiting</em> ({@code BLOCKED}, {@code SUSPENDED}, {@code QUEUED}), however briefly:
 *       nothing would ever have woken it. A task still {@code RUNNING} at exit is not stuck (it may
 *       be the one that called {@code System.exit}).
 * </ul>
 *
 * @param thresholdNanos the time in the same state from which a task is stuck
 * @param waitingAtExit whether every waiting task is stuck and no running one is (exit dumps)
 */
public record StuckCriteria(long thresholdNanos, boolean waitingAtExit) {

  /** The default threshold for dumps of a running JVM: one second. */
  public static final long DEFAULT_THRESHOLD_NANOS = 1_000_000_000L;

  public StuckCriteria {
    if (thresholdNanos < 0) {
      throw new IllegalArgumentException("negative threshold " + thresholdNanos);
    }
  }

  /** The default for a dump: see the class comment. */
  public static StuckCriteria defaultsFor(Dump dump) {
    return new StuckCriteria(DEFAULT_THRESHOLD_NANOS, "exit".equals(dump.header().reason()));
  }

  /** Every live task in the same state for {@code thresholdNanos} or longer. */
  public static StuckCriteria olderThan(long thresholdNanos) {
    return new StuckCriteria(thresholdNanos, false);
  }

  /** Whether a task that has been in its state for {@code timeInState} ns is stuck. */
  public boolean stuck(TaskInfo task, long timeInState) {
    TaskState state = task.state();
    if (state.terminal()) {
      return false;
    }
    if (waitingAtExit) {
      return state != TaskState.RUNNING;
    }
    return timeInState >= thresholdNanos;
  }

  /** What the criteria select, for report headings: {@code in the same state for 1.0s or more}. */
  public String describe() {
    return waitingAtExit
        ? "waiting when the JVM exited"
        : "in the same state for " + DurationFormat.format(thresholdNanos) + " or more";
  }
}
