package dev.asyncinspect.analyzer.dump;

/** What started a task ({@code task.kind}, {@code method.kind}). */
public enum TaskKind {
  /** A traced method that returns a {@code CompletionStage} or {@code Future}. */
  ASYNC,
  /** A traced method that returns anything else. */
  SYNC,
  /** Work submitted from inside a traced task (an executor, an {@code *Async} stage, a thread). */
  SPAWNED
}
