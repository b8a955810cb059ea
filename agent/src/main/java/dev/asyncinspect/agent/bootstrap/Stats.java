package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Aggregates for one traced method (its finished tasks) or one await point (its finished waits).
 * Kept for everything since the agent started, also for tasks no longer retained. Wait-free.
 */
final class Stats {
  final AtomicLong count = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong cancelled = new AtomicLong();
  final AtomicLong totalNanos = new AtomicLong();
  final AtomicLong maxNanos = new AtomicLong();
  final AtomicLong runningNanos = new AtomicLong();
  final AtomicLong blockedNanos = new AtomicLong();
  final AtomicLong suspendedNanos = new AtomicLong();
  final Histogram histogram = new Histogram();

  void recordWait(long nanos, boolean failedWait) {
    record(nanos);
    if (failedWait) {
      failed.getAndIncrement();
    }
  }

  void recordTask(TaskRecord task, long nanos) {
    record(nanos);
    if (task.state == TaskStates.FAILED) {
      failed.getAndIncrement();
    } else if (task.state == TaskStates.CANCELLED) {
      cancelled.getAndIncrement();
    }
    runningNanos.getAndAdd(task.runningNanos);
    blockedNanos.getAndAdd(task.blockedNanos);
    suspendedNanos.getAndAdd(task.suspendedNanos);
  }

  private void record(long nanos) {
    long d = Math.max(0, nanos);
    count.getAndIncrement();
    totalNanos.getAndAdd(d);
    long max = maxNanos.get();
    while (d > max && !maxNanos.compareAndSet(max, d)) {
      max = maxNanos.get();
    }
    histogram.record(d);
  }
}
