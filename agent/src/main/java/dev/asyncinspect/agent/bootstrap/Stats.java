package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Aggregates for one traced method (its finished tasks) or one await point (its finished waits).
 * Kept for everything since the agent started, also for tasks no longer retained. Wait-free.
 *
 * <p>Each update is an atomic instruction on a field that all threads share, the largest part of
 * what recording costs after reading the clock; so only what cannot be derived is kept: the count
 * is the histogram's sum, and the running time the total less the time spent otherwise.
 */
final class Stats {
  final AtomicLong failed = new AtomicLong();
  final AtomicLong cancelled = new AtomicLong();
  final AtomicLong totalNanos = new AtomicLong();
  final AtomicLong maxNanos = new AtomicLong();
  final AtomicLong blockedNanos = new AtomicLong();
  final AtomicLong suspendedNanos = new AtomicLong();

  /** Time of the tasks not spent RUNNING: blocked, suspended, or queued before they began. */
  private final AtomicLong notRunningNanos = new AtomicLong();

  final Histogram histogram = new Histogram();

  /** A wait that returned at once (on a future already done): no time, one more in the count. */
  void recordInstantWait() {
    histogram.record(0);
  }

  void recordWait(long nanos, boolean failedWait) {
    record(nanos);
    if (failedWait) {
      failed.getAndIncrement();
    }
  }

  /** A task that ended with {@code outcome}, after {@code nanos}; its times are final. */
  void recordTask(TaskRecord task, int outcome, long nanos) {
    long d = record(nanos);
    if (outcome == TaskStates.FAILED) {
      failed.getAndIncrement();
    } else if (outcome == TaskStates.CANCELLED) {
      cancelled.getAndIncrement();
    }
    if (d != task.runningNanos) {
      notRunningNanos.getAndAdd(d - task.runningNanos);
    }
    if (task.blockedNanos != 0) {
      blockedNanos.getAndAdd(task.blockedNanos);
    }
    if (task.suspendedNanos != 0) {
      suspendedNanos.getAndAdd(task.suspendedNanos);
    }
  }

  /** How many were recorded (weakly consistent with the other figures, like each of them). */
  long count() {
    long count = 0;
    for (int b = 0; b < Histogram.BUCKETS; b++) {
      count += histogram.count(b);
    }
    return count;
  }

  long runningNanos() {
    return totalNanos.get() - notRunningNanos.get();
  }

  private long record(long nanos) {
    long d = Math.max(0, nanos);
    totalNanos.getAndAdd(d);
    long max = maxNanos.get();
    while (d > max && !maxNanos.weakCompareAndSetVolatile(max, d)) {
      max = maxNanos.get();
    }
    histogram.record(d);
    return d;
  }
}
