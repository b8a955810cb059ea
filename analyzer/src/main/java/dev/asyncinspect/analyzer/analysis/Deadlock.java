package dev.asyncinspect.analyzer.analysis;

import java.util.List;

/**
 * One deadlock: a minimal cycle of the {@link WaitForGraph}, found by {@link Deadlocks}.
 *
 * @param kind what the cycle waits on
 * @param cycle the cycle's edges in order, starting at its first task in dump order and ending back
 *     there; waiters (tasks, threads) and what they wait on (objects, locks) alternate. Empty only
 *     for a deadlock the JVM reported on threads whose locks the dump does not name.
 * @param jvmReported whether the JVM's own detector reported these threads deadlocked too
 * @param threads the threads the JVM reported, for a deadlock with an empty {@code cycle}; else
 *     empty
 * @param otherTasks tasks that are part of the same knot of waits (the same strongly connected
 *     component) but not of this minimal cycle; usually empty
 * @param executors for {@link Kind#STARVATION}, the object ids of the starved pools (one pool whose
 *     workers wait for work queued on it, or pools whose workers wait for each other's queued
 *     work), in dump order; else empty. Such a deadlock's {@code cycle} is not one cycle but the
 *     wait chains of the pools' workers, one after another, each from the worker's task to the work
 *     queued on a pool (see {@link ExecutorStarvation})
 */
public record Deadlock(
    Kind kind,
    List<WaitEdge> cycle,
    boolean jvmReported,
    List<Long> threads,
    List<Long> otherTasks,
    List<Integer> executors) {

  /** A deadlock that is a cycle, or a JVM report: no starved pool. */
  public Deadlock(
      Kind kind,
      List<WaitEdge> cycle,
      boolean jvmReported,
      List<Long> threads,
      List<Long> otherTasks) {
    this(kind, cycle, jvmReported, threads, otherTasks, List.of());
  }

  public Deadlock {
    cycle = List.copyOf(cycle);
    threads = List.copyOf(threads);
    otherTasks = List.copyOf(otherTasks);
    executors = List.copyOf(executors);
  }

  /** The first starved pool of a {@link Kind#STARVATION} deadlock; else null. */
  public Integer executor() {
    return executors.isEmpty() ? null : executors.get(0);
  }

  /** What a deadlock's cycle waits on. */
  public enum Kind {
    /** Only futures: A joins B's future while B joins A's. */
    FUTURE,
    /** Only locks and monitors, whether the agent or the JVM reported them. */
    LOCK,
    /** Futures and locks, or other things (a thread being joined, a latch). */
    MIXED,
    /**
     * Executor starvation: every worker of a pool waits, directly or through a chain, on work
     * queued on that same pool. Not a cycle of the graph; see {@link ExecutorStarvation}.
     */
    STARVATION
  }

  /** The waiting nodes of the cycle (tasks and threads), in cycle order. */
  public List<Integer> waiters() {
    return cycle.stream().filter(WaitEdge::fromWaiter).map(WaitEdge::from).toList();
  }
}
