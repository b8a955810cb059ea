package dev.asyncinspect.analyzer.dump;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The event history of a dump, stored column by column in primitive arrays: about 30 bytes an event
 * instead of the 60 of an {@link EventInfo} object, its boxed point and a list slot, and nothing
 * for the garbage collector to trace. A dump holds up to millions of events, and every one of them
 * stays live while the dump is read, so this halves the heap a large dump needs and most of the
 * collector's copying (docs/performance.md). {@link #get} makes the {@link EventInfo} on demand; an
 * analysis that walks the events creates short-lived objects the JIT usually removes.
 *
 * <p>Immutable once built: {@link Builder} appends, {@link Builder#build()} trims and freezes.
 */
final class EventList extends AbstractList<EventInfo> implements RandomAccess {
  private static final TaskState[] STATES = TaskState.values();

  /** The point of an event that has none, in the columns and in {@link EventLine}. */
  static final int NO_POINT = Integer.MIN_VALUE;

  private final long[] seq;
  private final long[] time;
  private final long[] task;
  private final byte[] state;
  private final int[] point;
  private final int size;

  private EventList(long[] seq, long[] time, long[] task, byte[] state, int[] point, int size) {
    this.seq = seq;
    this.time = time;
    this.task = task;
    this.state = state;
    this.point = point;
    this.size = size;
  }

  /** The events as an event list: the same list when it is one, else a compact copy. */
  static List<EventInfo> of(List<EventInfo> events) {
    if (events instanceof EventList list) {
      return list;
    }
    Builder builder = new Builder();
    if (events != null) {
      for (EventInfo event : events) {
        builder.add(event);
      }
    }
    return builder.build();
  }

  @Override
  public EventInfo get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
    int at = point[index];
    return new EventInfo(
        seq[index], time[index], task[index], STATES[state[index]], at == NO_POINT ? null : at);
  }

  @Override
  public int size() {
    return size;
  }

  /** Collects events in order; not thread-safe. */
  static final class Builder {
    private long[] seq = new long[1024];
    private long[] time = new long[1024];
    private long[] task = new long[1024];
    private byte[] state = new byte[1024];
    private int[] point = new int[1024];
    private int size;

    void add(EventInfo event) {
      if (event.point() != null && event.point() == NO_POINT) {
        // The one int the columns use for "no point"; no dump has such an id, keep it exact.
        throw new IllegalArgumentException("await point id " + NO_POINT + " is not supported");
      }
      add(
          event.seq(),
          event.t(),
          event.task(),
          event.state(),
          event.point() == null ? NO_POINT : event.point());
    }

    /** Adds an event given field by field; {@code eventPoint} is {@link #NO_POINT} for none. */
    void add(long eventSeq, long eventTime, long eventTask, TaskState eventState, int eventPoint) {
      if (size == seq.length) {
        int capacity = size + (size >> 1);
        seq = Arrays.copyOf(seq, capacity);
        time = Arrays.copyOf(time, capacity);
        task = Arrays.copyOf(task, capacity);
        state = Arrays.copyOf(state, capacity);
        point = Arrays.copyOf(point, capacity);
      }
      seq[size] = eventSeq;
      time[size] = eventTime;
      task[size] = eventTask;
      state[size] = (byte) eventState.ordinal();
      point[size] = eventPoint;
      size++;
    }

    /** The seq of the last event added; only when there is one. */
    long lastSeq() {
      return seq[size - 1];
    }

    boolean isEmpty() {
      return size == 0;
    }

    EventList build() {
      return new EventList(
          Arrays.copyOf(seq, size),
          Arrays.copyOf(time, size),
          Arrays.copyOf(task, size),
          Arrays.copyOf(state, size),
          Arrays.copyOf(point, size),
          size);
    }
  }
}
