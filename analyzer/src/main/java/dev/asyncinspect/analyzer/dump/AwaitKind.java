package dev.asyncinspect.analyzer.dump;

/** What an await point waits on ({@code awaitPoint.kind}). */
public enum AwaitKind {
  FUTURE,
  LOCK,
  MONITOR,
  CONDITION,
  LATCH,
  SEMAPHORE,
  QUEUE,
  THREAD,
  SLEEP,
  PARK,
  WAIT
}
