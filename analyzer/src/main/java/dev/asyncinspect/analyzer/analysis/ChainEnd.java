package dev.asyncinspect.analyzer.analysis;

/**
 * Where a wait chain ends, and why: the root cause of the wait, in one line.
 *
 * @param kind the kind of ending
 * @param node the {@link WaitForGraph} node the chain ends at; for {@link Kind#CYCLE}, the first
 *     node of the cycle the chain runs into
 * @param rootCause the root cause in one line, e.g. {@code #2 StuckFuture.fetchUser returned
 *     CompletableFuture@37a5da30 incomplete, and no known task will complete it: no known producer}
 */
public record ChainEnd(Kind kind, int node, String rootCause) {

  /** How a wait chain ends. */
  public enum Kind {
    /** At a task that is running: the wait lasts as long as that task's work. */
    RUNNING,
    /** In a cycle of waits: a deadlock, which {@link Deadlocks} reports. */
    CYCLE,
    /**
     * At a future no known task will complete: it has no producer, its producer is not in the dump,
     * or its producer is an ASYNC task that returned it incomplete and is {@code SUSPENDED}.
     */
    NO_KNOWN_PRODUCER,
    /** At a future whose producer finished without completing it. */
    PRODUCER_FINISHED,
    /**
     * At a future that is done already: its waiters had not woken up yet when the dump was taken.
     */
    FUTURE_DONE,
    /** At a lock whose holders all finished without releasing it. */
    HOLDER_FINISHED,
    /** At a lock held by code the agent does not trace, or whose owner nobody named. */
    UNTRACED_HOLDER,
    /** At a latch, semaphore, queue, condition or park that no known task will release. */
    NO_KNOWN_RELEASER,
    /** At a thread (joined, or reported by the JVM) that runs no traced task. */
    UNTRACED_THREAD,
    /** At a task that is {@code QUEUED}: submitted, not started. */
    QUEUED,
    /** At a task that sleeps ({@code Thread.sleep}): it wakes by itself. */
    SLEEPING,
    /** At a task or object that the dump refers to but does not contain. */
    NOT_IN_DUMP,
    /** At a task whose wait the dump does not describe. */
    UNKNOWN
  }
}
