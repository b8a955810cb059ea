package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;

/**
 * An edge of the {@link WaitForGraph}, "{@code from} cannot go on until {@code to} does something",
 * with what explains it.
 *
 * @param from the node index of the waiting side
 * @param to the node index of what it waits for
 * @param relation what the edge means
 * @param point for {@link Relation#WAITS_ON}, the await point the task is blocked at (null when the
 *     dump lacks it)
 * @param frame for {@link Relation#JVM_WAITS_ON}, the frame of the thread's stack where it is
 *     blocked, the first one outside the JDK when there is one; null when the stack is unknown
 */
public record WaitEdge(
    int from, int to, Relation relation, AwaitPointInfo point, StackFrame frame) {

  /** What an edge means. */
  public enum Relation {
    /** Task → object: the task is {@code BLOCKED} at an await point on the object. */
    WAITS_ON,
    /** Future → task: the task is expected to complete the future (the future's producer). */
    COMPLETED_BY,
    /**
     * Future → future: a future not yet done that has no producer in the dump, derived from other
     * futures ({@code thenApply}, {@code thenCompose}, {@code allOf}, ...), waits on each of its
     * {@code sources}; following them leads to the tasks that produce them.
     */
    DERIVED_FROM,
    /**
     * Task → executor: a {@code QUEUED} SPAWNED task waits for a worker of the executor it was
     * handed to. The executor has no edge on to its workers: any one of them that frees up would
     * start the task, which an edge to each would misstate (a cycle through one busy worker is no
     * deadlock while another can free up); {@link ExecutorStarvation} judges the pool as a whole.
     */
    QUEUED_ON,
    /** Lock or monitor → task: the task holds it. */
    HELD_BY,
    /** Thread object → task: the task runs on the thread being joined. */
    RUN_BY,
    /**
     * Task → task: a {@code RUNNING} task is inside a traced call it made on its own thread (the
     * innermost live task there), and goes on only when that call returns. This is how a SPAWNED
     * task whose work is blocked in a traced method, or a method blocked in a nested traced call,
     * stays on a wait chain.
     */
    CALLS,
    /** Task or thread → lock: the JVM says the thread is blocked on the lock. */
    JVM_WAITS_ON,
    /** Lock → task or thread: the JVM says the thread owns the lock. */
    JVM_HELD_BY
  }

  /** Whether the edge goes from a waiter to what it waits on (rather than to who releases it). */
  public boolean waits() {
    return relation == Relation.WAITS_ON || relation == Relation.JVM_WAITS_ON;
  }

  /** Whether the edge leaves a waiter: it waits on something, or is inside a nested call. */
  public boolean fromWaiter() {
    return waits() || relation == Relation.CALLS;
  }

  /** Whether the JVM, not the agent, reported this edge. */
  public boolean fromJvm() {
    return relation == Relation.JVM_WAITS_ON || relation == Relation.JVM_HELD_BY;
  }
}
