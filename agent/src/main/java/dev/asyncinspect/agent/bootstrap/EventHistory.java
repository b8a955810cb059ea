package dev.asyncinspect.agent.bootstrap;

/**
 * The event history a dump writes, assembled from the rings (one per {@link Stripes stripe}) and
 * from the tasks whose start event is still pending ({@link TaskRecord#startPending}), in time
 * order.
 *
 * <p>No ring is written exactly in time order: a task's start is written with its next event, so a
 * start may follow later events of other tasks; and a task's events may be in several rings (its
 * future completed on another thread, its work began on another thread). So the events are sorted
 * by time (and, within one task, kept in the order they were written), duplicates (a pending start
 * the task wrote while the dump read it) are dropped, and when a ring has overwritten events, the
 * history begins at the oldest event that ring wrote in its own time (the latest such beginning of
 * all the rings that overwrote events): a start older than that, written late, and the other rings'
 * older events are left out, as their neighbours in time are gone. What remains is whole from its
 * first event on; {@link #writeTo} counts the events recorded before it.
 */
final class EventHistory {
  private long[] times = new long[64];
  private long[] tasks = new long[64];
  private int[] states = new int[64];
  private int[] points = new int[64];

  /** Order of writing within equal times and tasks: the ring's sequence, -1 for a pending start. */
  private long[] orders = new long[64];

  private int size;

  /** The time the history starts at: Long.MIN_VALUE while no ring lost events. */
  private long from = Long.MIN_VALUE;

  /**
   * A ring's events numbered below {@code limit} (those recorded before the dump cut its tables),
   * and whether older ones were overwritten.
   */
  void addRing(EventRing ring, long limit) {
    int before = size;
    long[] oldest = {Long.MAX_VALUE};
    ring.forEach(
        (seq, time, task, state, point) -> {
          if (seq < limit) {
            add(time, task, state, point, seq);
            if ((state & EventRing.FIRST) == 0) {
              oldest[0] = Math.min(oldest[0], time);
            }
          }
        });
    int read = size - before;
    if (limit > ring.capacity() || read < limit) {
      from = Math.max(from, oldest[0]);
    }
  }

  /** The start of a task not yet written to the ring. */
  void addPendingStart(long time, long task, int state) {
    add(time, task, state | EventRing.FIRST, 0, -1);
  }

  private void add(long time, long task, int state, int point, long order) {
    if (size == times.length) {
      int n = size * 2;
      times = java.util.Arrays.copyOf(times, n);
      tasks = java.util.Arrays.copyOf(tasks, n);
      states = java.util.Arrays.copyOf(states, n);
      points = java.util.Arrays.copyOf(points, n);
      orders = java.util.Arrays.copyOf(orders, n);
    }
    times[size] = time;
    tasks[size] = task;
    states[size] = state;
    points[size] = point;
    orders[size] = order;
    size++;
  }

  /** Receives the history's events in order. */
  interface Sink {
    void event(long seq, long time, long task, int state, int point);
  }

  /**
   * Sorts and writes the history; returns how many of the {@code recorded} events (the rings'
   * limits together) were recorded before its first one (the first event's {@code seq}).
   */
  long writeTo(Sink sink, long recorded) {
    int[] sorted = sortedIndexes();
    int[] kept = new int[size];
    int n = 0;
    int ringKept = 0;
    for (int k = 0; k < size; k++) {
      int i = sorted[k];
      if (times[i] < from) {
        continue;
      }
      if (n > 0 && same(kept[n - 1], i)) {
        if (orders[i] >= 0 && orders[kept[n - 1]] < 0) {
          kept[n - 1] = i; // the ring's copy of a start also read as pending
          ringKept++;
        }
        continue;
      }
      kept[n++] = i;
      ringKept += orders[i] >= 0 ? 1 : 0;
    }
    long dropped = Math.max(0, recorded - ringKept);
    for (int k = 0; k < n; k++) {
      int i = kept[k];
      sink.event(dropped + k, times[i], tasks[i], states[i] & ~EventRing.FIRST, points[i]);
    }
    return dropped;
  }

  private boolean same(int a, int b) {
    return times[a] == times[b]
        && tasks[a] == tasks[b]
        && (states[a] & ~EventRing.FIRST) == (states[b] & ~EventRing.FIRST)
        && points[a] == points[b];
  }

  /** Indexes by time, then task, then order of writing: a stable merge sort. */
  private int[] sortedIndexes() {
    int[] a = new int[size];
    for (int i = 0; i < size; i++) {
      a[i] = i;
    }
    int[] b = new int[size];
    for (int width = 1; width < size; width *= 2) {
      for (int lo = 0; lo < size; lo += 2 * width) {
        int mid = Math.min(lo + width, size);
        int hi = Math.min(lo + 2 * width, size);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          b[k] = i < mid && (j >= hi || !before(a[j], a[i])) ? a[i++] : a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  private boolean before(int x, int y) {
    if (times[x] != times[y]) {
      return times[x] < times[y];
    }
    if (tasks[x] != tasks[y]) {
      return tasks[x] < tasks[y];
    }
    return orders[x] < orders[y];
  }
}
