package dev.asyncinspect.analyzer.dump;

/** The state a task is in; a task is in exactly one. */
public enum TaskState {
  QUEUED,
  RUNNING,
  BLOCKED,
  SUSPENDED,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** Whether the task has ended: {@code COMPLETED}, {@code FAILED} or {@code CANCELLED}. */
  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
