package dev.asyncinspect.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Aggregates for one traced method (its finished tasks) or one await point (its finished waits).
 * Kept for everything since the agent started, also for tasks no longer retained. Wait-free.
 *
 * <p>Each update is an atomic instruction, and one on a cache line that another core wrote last
 * costs many times more than the instruction itself; so the figures are kept in one cell per stripe
 * ({@link Stripes}: per core, as far as the agent can tell), made when a stripe first records, and
 * summed when a dump reads them. And only what cannot be derived is kept: the count is the
 * histogram's sum, and the running time the total less the time spent otherwise.
 */
final class Stats {
  private static final int FAILED = 0;
  private static final int CANCELLED = 1;
  private static final int TOTAL = 2;
  private static final int MAX = 3;
  private static final int BLOCKED = 4;
  private static final int SUSPENDED = 5;

  /** Time of the tasks not spent RUNNING: blocked, suspended, or queued before they began. */
  private static final int NOT_RUNNING = 6;

  /** The histogram's buckets follow the figures above in a cell. */
  private static final int BUCKET_0 = 7;

  private static final VarHandle CELLS =
      MethodHandles.arrayElementVarHandle(AtomicLongArray[].class);

  /**
   * The cells by stripe, null until the stripe records. Read plainly: a cell's array is a final
   * field, so a cell seen through a race is seen whole; one not seen yet is looked up again with
   * {@link #CELLS}.
   */
  private final AtomicLongArray[] cells = new AtomicLongArray[Stripes.COUNT];

  /** A wait that returned at once (on a future already done): no time, one more in the count. */
  void recordInstantWait(int stripe) {
    cell(stripe).getAndIncrement(BUCKET_0);
  }

  void recordWait(int stripe, long nanos, boolean failedWait) {
    AtomicLongArray cell = cell(stripe);
    record(cell, nanos);
    if (failedWait) {
      cell.getAndIncrement(FAILED);
    }
  }

  /** A task that ended with {@code outcome}, after {@code nanos}; its times are final. */
  void recordTask(TaskRecord task, int outcome, long nanos) {
    AtomicLongArray cell = cell(task.stripe);
    long d = record(cell, nanos);
    if (outcome == TaskStates.FAILED) {
      cell.getAndIncrement(FAILED);
    } else if (outcome == TaskStates.CANCELLED) {
      cell.getAndIncrement(CANCELLED);
    }
    if (d != task.runningNanos) {
      cell.getAndAdd(NOT_RUNNING, d - task.runningNanos);
    }
    if (task.blockedNanos != 0) {
      cell.getAndAdd(BLOCKED, task.blockedNanos);
    }
    if (task.suspendedNanos != 0) {
      cell.getAndAdd(SUSPENDED, task.suspendedNanos);
    }
  }

  /**
   * How many were recorded. Like each figure, a sum over the cells read one after the other, so
   * weakly consistent with the others while tasks end.
   */
  long count() {
    long count = 0;
    for (int b = 0; b < Histogram.BUCKETS; b++) {
      count += sum(BUCKET_0 + b);
    }
    return count;
  }

  long bucketCount(int bucket) {
    return sum(BUCKET_0 + bucket);
  }

  long failed() {
    return sum(FAILED);
  }

  long cancelled() {
    return sum(CANCELLED);
  }

  long totalNanos() {
    return sum(TOTAL);
  }

  long blockedNanos() {
    return sum(BLOCKED);
  }

  long suspendedNanos() {
    return sum(SUSPENDED);
  }

  long runningNanos() {
    return sum(TOTAL) - sum(NOT_RUNNING);
  }

  long maxNanos() {
    long max = 0;
    for (int s = 0; s < cells.length; s++) {
      AtomicLongArray cell = (AtomicLongArray) CELLS.getAcquire(cells, s);
      if (cell != null) {
        max = Math.max(max, cell.get(MAX));
      }
    }
    return max;
  }

  private long sum(int field) {
    long sum = 0;
    for (int s = 0; s < cells.length; s++) {
      AtomicLongArray cell = (AtomicLongArray) CELLS.getAcquire(cells, s);
      if (cell != null) {
        sum += cell.get(field);
      }
    }
    return sum;
  }

  private AtomicLongArray cell(int stripe) {
    AtomicLongArray cell = cells[stripe];
    if (cell != null) {
      return cell;
    }
    AtomicLongArray made = new AtomicLongArray(BUCKET_0 + Histogram.BUCKETS);
    AtomicLongArray other = (AtomicLongArray) CELLS.compareAndExchange(cells, stripe, null, made);
    return other != null ? other : made;
  }

  private static long record(AtomicLongArray cell, long nanos) {
    long d = Math.max(0, nanos);
    cell.getAndAdd(TOTAL, d);
    long max = cell.get(MAX);
    while (d > max && !cell.weakCompareAndSetVolatile(MAX, max, d)) {
      max = cell.get(MAX);
    }
    cell.getAndIncrement(BUCKET_0 + Histogram.bucket(d));
    return d;
  }
}
