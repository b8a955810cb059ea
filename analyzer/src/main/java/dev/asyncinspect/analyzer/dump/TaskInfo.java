package dev.asyncinspect.analyzer.dump;

import java.util.List;

/**
 * A {@code task} record: one unit of asynchronous work the agent follows. Times are nanoseconds on
 * the dump clock (see {@link Header#dumpNanos()}).
 *
 * @param id the task id, in start order
 * @param method the id of the traced method whose call started it
 * @param name the task name
 * @param kind what started it
 * @param state its state at dump time
 * @param parent the task running on the same thread when this one started, or null
 * @param thread the thread running it, while {@code RUNNING} or {@code BLOCKED}; else null
 * @param startThread the thread that started it, or null when unknown
 * @param start the start time
 * @param end the end time for terminal states, else null
 * @param stateSince the time of the last state change
 * @param transitions the number of state changes so far (the task's clock)
 * @param runningNanos time spent {@code RUNNING} so far
 * @param blockedNanos time spent {@code BLOCKED} so far
 * @param suspendedNanos time spent {@code SUSPENDED} so far
 * @param await what a {@code BLOCKED} task waits at and on; else null
 * @param future for an ASYNC task, the object id of the future its method returned, or null
 * @param holds object ids of the locks and monitors the task holds; empty when none
 * @param error the exception of a {@code FAILED} or {@code CANCELLED} task, or null
 * @param spawnPoint SPAWNED tasks: the spawn point where the work was handed off; else null
 * @param executor SPAWNED tasks not yet finished: the object id of the executor that runs the work
 *     (null for a new thread, and for other tasks)
 */
public record TaskInfo(
    long id,
    int method,
    String name,
    TaskKind kind,
    TaskState state,
    Long parent,
    Long thread,
    Long startThread,
    long start,
    Long end,
    long stateSince,
    int transitions,
    long runningNanos,
    long blockedNanos,
    long suspendedNanos,
    AwaitInfo await,
    Integer future,
    List<Integer> holds,
    ErrorInfo error,
    Integer spawnPoint,
    Integer executor) {

  public TaskInfo {
    holds = Copies.list(holds);
  }

  /** A task of format 1.0, which has no spawn point and no executor. */
  public TaskInfo(
      long id,
      int method,
      String name,
      TaskKind kind,
      TaskState state,
      Long parent,
      Long thread,
      Long startThread,
      long start,
      Long end,
      long stateSince,
      int transitions,
      long runningNanos,
      long blockedNanos,
      long suspendedNanos,
      AwaitInfo await,
      Integer future,
      List<Integer> holds,
      ErrorInfo error) {
    this(
        id,
        method,
        name,
        kind,
        state,
        parent,
        thread,
        startThread,
        start,
        end,
        stateSince,
        transitions,
        runningNanos,
        blockedNanos,
        suspendedNanos,
        await,
        future,
        holds,
        error,
        null,
        null);
  }
}
