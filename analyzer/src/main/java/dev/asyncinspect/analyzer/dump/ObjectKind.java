package dev.asyncinspect.analyzer.dump;

/** What kind of thing an {@code object} record describes. */
public enum ObjectKind {
  FUTURE,
  LOCK,
  MONITOR,
  CONDITION,
  LATCH,
  SEMAPHORE,
  QUEUE,
  THREAD,
  /** An executor that SPAWNED tasks were handed to (format 1.1). */
  EXECUTOR,
  OTHER
}
