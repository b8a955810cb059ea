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
 * summed when a dump reads them. A stripe's owner ({@link Stripes#ownedByCurrentThread}) updates a
 * cell of its own with plain stores, no other thread writing it; everyone else updates the stripe's
 * shared cell atomically. And only what cannot be derived is kept: the count is the histogram's
 * sum, and the running time the total less the time spent otherwise.
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
   * The cells by stripe, each stripe's shared one and its owner's, null until used. Read plainly: a
   * cell's array is a final field, so a cell seen through a race is seen whole; one not seen yet is
   * looked up again with {@link #CELLS}.
   */
  private final AtomicLongArray[] cells = new AtomicLongArray[2 * Stripes.COUNT];

  /** A wait that returned at once (on a future already done): no time, one more in the count. */
  void recordInstantWait(int stripe) {
    boolean owned = Stripes.ownedByCurrentThread(stripe);
    add(cell(stripe, owned), BUCKET_0, 1, owned);
  }

  void recordWait(int stripe, long nanos, boolean failedWait) {
    boolean owned = Stripes.ownedByCurrentThread(stripe);
    AtomicLongArray cell = cell(stripe, owned);
    record(cell, nanos, owned);
    if (failedWait) {
      add(cell, FAILED, 1, owned);
    }
  }

  /** A task that ended with {@code outcome}, after {@code nanos}; its times are final. */
  void recordTask(TaskRecord task, int outcome, long nanos) {
    boolean owned = Stripes.ownedByCurrentThread(task.stripe);
    AtomicLongArray cell = cell(task.stripe, owned);
    long d = record(cell, nanos, owned);
    if (outcome == TaskStates.FAILED) {
      add(cell, FAILED, 1, owned);
    } else if (outcome == TaskStates.CANCELLED) {
      add(cell, CANCELLED, 1, owned);
    }
    if (d != task.runningNanos) {
      add(cell, NOT_RUNNING, d - task.runningNanos, owned);
    }
    if (task.blockedNanos != 0) {
      add(cell, BLOCKED, task.blockedNanos, owned);
    }
    if (task.suspendedNanos != 0) {
      add(cell, SUSPENDED, task.suspendedNanos, owned);
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

  /** The stripe's shared cell, or with {@code owned} its owner's: {@code cells[2 * stripe + 1]}. */
  private AtomicLongArray cell(int stripe, boolean owned) {
    int at = 2 * stripe + (owned ? 1 : 0);
    AtomicLongArray cell = cells[at];
    if (cell != null) {
      return cell;
    }
    AtomicLongArray made = new AtomicLongArray(BUCKET_0 + Histogram.BUCKETS);
    AtomicLongArray other = (AtomicLongArray) CELLS.compareAndExchange(cells, at, null, made);
    return other != null ? other : made;
  }

  /**
   * Adds {@code delta} to a figure: a plain load and an opaque store in the owner's cell, which no
   * other thread writes (readers see the old value or the new one, never a torn one), else atomic.
   */
  private static void add(AtomicLongArray cell, int field, long delta, boolean owned) {
    if (owned) {
      cell.setOpaque(field, cell.getPlain(field) + delta);
    } else {
      cell.getAndAdd(field, delta);
    }
  }

  private static long record(AtomicLongArray cell, long nanos, boolean owned) {
    long d = Math.max(0, nanos);
    add(cell, TOTAL, d, owned);
    long max = cell.get(MAX);
    if (owned) {
      if (d > max) {
        cell.setOpaque(MAX, d);
      }
    } else {
      while (d > max && !cell.weakCompareAndSetVolatile(MAX, max, d)) {
        max = cell.get(MAX);
      }
    }
    add(cell, BUCKET_0 + Histogram.bucket(d), 1, owned);
    return d;
  }
}
