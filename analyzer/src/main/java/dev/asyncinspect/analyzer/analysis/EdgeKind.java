package dev.asyncinspect.analyzer.analysis;

/** What an edge of the {@link CallGraph} means. */
public enum EdgeKind {
  /** A task of the source method started a task of the target method (the task's parent link). */
  CALLS,
  /**
   * A task of the source method was blocked on a future produced by a task of the target method:
   * seen in the dump's objects for waits going on at dump time, inferred from the event history for
   * finished ones (see {@link FutureWaits}).
   */
  AWAITS
}
