package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The recent history of state changes: a preallocated ring that writers never wait for.
 *
 * <p>Assumptions and guarantees:
 *
 * <ol>
 *   <li>A writer claims a sequence number (or two, for {@link #recordPair}) with one atomic
 *       addition and owns slot {@code seq & mask} until it publishes; it never blocks and never
 *       allocates.
 *   <li>Sequence numbers follow the order of writing, which is not quite the order of the events'
 *       times: a task's first event is written together with its second ({@link Recorder}), and two
 *       threads may read the clock and claim numbers in opposite orders. Dumps sort by time.
 *   <li>When the ring is full, the oldest events are overwritten (and counted as dropped).
 *   <li>A reader sees an event only if it read it whole: each slot carries a stamp, odd while a
 *       writer is in it, and the reader checks the stamp before and after reading (a seqlock).
 * </ol>
 */
final class EventRing {
  /** Marks, in an event's state, a start written late, with the task's next event. */
  static final int FIRST = 1 << 16;

  private final int mask;
  private final long[] times;
  private final long[] tasks;
  private final int[] states;
  private final int[] points;
  private final AtomicLongArray stamps;

  /**
   * The next sequence number, at {@link #NEXT} in an array of its own: rings of different stripes
   * are allocated one after another, and one ring's counter must not share a cache line with what
   * another ring's writer reads.
   */
  private final AtomicLongArray next = new AtomicLongArray(2 * NEXT);

  private static final int NEXT = 8;

  EventRing(int capacity) {
    int size = capacity <= 0 ? 0 : Integer.highestOneBit(Math.max(2, capacity - 1) << 1);
    this.mask = size - 1;
    this.times = new long[size];
    this.tasks = new long[size];
    this.states = new int[size];
    this.points = new int[size];
    this.stamps = new AtomicLongArray(size);
  }

  void record(long time, long task, int state, int point) {
    if (mask < 0) {
      return;
    }
    long seq = next.getAndIncrement(NEXT);
    write(seq, time, task, state, point);
  }

  /** Two events of one task, in this order, claimed with one atomic addition. */
  void recordPair(long time, long task, int state, int point, long time2, int state2, int point2) {
    if (mask < 0) {
      return;
    }
    long seq = next.getAndAdd(NEXT, 2);
    write(seq, time, task, state | FIRST, point);
    write(seq + 1, time2, task, state2, point2);
  }

  private void write(long seq, long time, long task, int state, int point) {
    int i = (int) seq & mask;
    // Odd stamp before the fields, even after: a store-store fence is all the writer needs, and
    // unlike a volatile store it costs no instruction on x86.
    stamps.setOpaque(i, 2 * seq + 1);
    java.lang.invoke.VarHandle.storeStoreFence();
    times[i] = time;
    tasks[i] = task;
    states[i] = state;
    points[i] = point;
    stamps.setRelease(i, 2 * seq + 2);
  }

  /** How many events it holds. */
  long capacity() {
    return mask + 1L;
  }

  /** Events written since the agent started. */
  long written() {
    return next.get(NEXT);
  }

  /** Events lost to overwriting so far. */
  long overwritten() {
    return Math.max(0, next.get(NEXT) - (mask + 1));
  }

  /** Calls {@code sink} for each event still in the ring and read whole, oldest first. */
  void forEach(EventSink sink) {
    if (mask < 0) {
      return;
    }
    long last = next.get(NEXT);
    long first = Math.max(0, last - (mask + 1));
    for (long seq = first; seq < last; seq++) {
      int i = (int) seq & mask;
      long before = stamps.getAcquire(i);
      if (before != 2 * seq + 2) {
        continue;
      }
      long time = times[i];
      long task = tasks[i];
      int state = states[i];
      int point = points[i];
      java.lang.invoke.VarHandle.acquireFence();
      if (stamps.get(i) == before) {
        sink.event(seq, time, task, state, point);
      }
    }
  }

  /** Receives events read from the ring. */
  interface EventSink {
    void event(long seq, long time, long task, int state, int point);
  }
}
