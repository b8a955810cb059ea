package dev.asyncinspect.analyzer.dump;

import java.util.Arrays;

/**
 * The event history of a dump as columns of primitives ({@link Dump#eventColumns()}): event {@code
 * i} here is event {@code i} of {@link Dump#events()}. For analyses that walk every event: reading
 * a field here makes no object, where {@link Dump#events()} makes an {@link EventInfo} and a boxed
 * point for each event. A command runs in a fresh JVM, mostly on code compiled by C1, which does
 * not remove such allocations: for a million events they were the largest part of all the garbage
 * of {@code analyze} (docs/performance.md).
 *
 * <p>The columns are stored in chunks of {@value #CHUNK} events: adding an event never copies the
 * ones before it, and no single array grows with the dump. About 29 bytes an event. Immutable once
 * built.
 */
public final class EventColumns {
  /** What {@link #point} returns for an event without an await point. */
  public static final int NO_POINT = Integer.MIN_VALUE;

  private static final int SHIFT = 14;
  static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;
  // Full chunks stop one short of 2^31 events, so that an int counts them all.
  private static final int MAX_CHUNKS = (1 << (31 - SHIFT)) - 1;
  private static final TaskState[] STATES = TaskState.values();

  private final long[][] seq;
  private final long[][] time;
  private final long[][] task;
  private final byte[][] state;
  private final int[][] point;
  private final int size;

  private EventColumns(Builder builder) {
    int chunks = (builder.size + MASK) >>> SHIFT;
    int last = builder.size - ((chunks - 1) << SHIFT);
    // The last chunk is cut to its events, so that an index past the end fails in every column
    // rather than reading an empty slot.
    this.seq = trim(Arrays.copyOf(builder.seq, chunks), last);
    this.time = trim(Arrays.copyOf(builder.time, chunks), last);
    this.task = trim(Arrays.copyOf(builder.task, chunks), last);
    this.state = trim(Arrays.copyOf(builder.state, chunks), last);
    this.point = trim(Arrays.copyOf(builder.point, chunks), last);
    this.size = builder.size;
  }

  /** The number of events. */
  public int size() {
    return size;
  }

  /** The {@code seq} of event {@code i}. */
  public long seq(int i) {
    return seq[i >>> SHIFT][i & MASK];
  }

  /** The time ({@code t}) of event {@code i}. */
  public long time(int i) {
    return time[i >>> SHIFT][i & MASK];
  }

  /** The task id of event {@code i}. */
  public long task(int i) {
    return task[i >>> SHIFT][i & MASK];
  }

  /** The state event {@code i} moved its task to. */
  public TaskState state(int i) {
    return STATES[state[i >>> SHIFT][i & MASK]];
  }

  /** The await point of event {@code i}, or {@link #NO_POINT}. */
  public int point(int i) {
    return point[i >>> SHIFT][i & MASK];
  }

  /** Event {@code i} as a record. */
  EventInfo get(int i) {
    int at = point(i);
    return new EventInfo(seq(i), time(i), task(i), state(i), at == NO_POINT ? null : at);
  }

  private static long[][] trim(long[][] chunks, int last) {
    if (chunks.length > 0) {
      chunks[chunks.length - 1] = Arrays.copyOf(chunks[chunks.length - 1], last);
    }
    return chunks;
  }

  private static int[][] trim(int[][] chunks, int last) {
    if (chunks.length > 0) {
      chunks[chunks.length - 1] = Arrays.copyOf(chunks[chunks.length - 1], last);
    }
    return chunks;
  }

  private static byte[][] trim(byte[][] chunks, int last) {
    if (chunks.length > 0) {
      chunks[chunks.length - 1] = Arrays.copyOf(chunks[chunks.length - 1], last);
    }
    return chunks;
  }

  /** Collects events in order; not thread-safe. Used once: {@link #build()} hands the chunks on. */
  static final class Builder {
    private long[][] seq = new long[8][];
    private long[][] time = new long[8][];
    private long[][] task = new long[8][];
    private byte[][] state = new byte[8][];
    private int[][] point = new int[8][];
    private int size;

    /** Adds an event; {@code eventPoint} is {@link #NO_POINT} for none. */
    void add(long eventSeq, long eventTime, long eventTask, TaskState eventState, int eventPoint) {
      int chunk = size >>> SHIFT;
      int at = size & MASK;
      if (at == 0) {
        newChunk(chunk);
      }
      seq[chunk][at] = eventSeq;
      time[chunk][at] = eventTime;
      task[chunk][at] = eventTask;
      state[chunk][at] = (byte) eventState.ordinal();
      point[chunk][at] = eventPoint;
      size++;
    }

    private void newChunk(int chunk) {
      if (chunk == MAX_CHUNKS) {
        throw new IllegalStateException("more than " + size + " events in one dump");
      }
      if (chunk == seq.length) {
        int chunks = chunk * 2;
        seq = Arrays.copyOf(seq, chunks);
        time = Arrays.copyOf(time, chunks);
        task = Arrays.copyOf(task, chunks);
        state = Arrays.copyOf(state, chunks);
        point = Arrays.copyOf(point, chunks);
      }
      seq[chunk] = new long[CHUNK];
      time[chunk] = new long[CHUNK];
      task[chunk] = new long[CHUNK];
      state[chunk] = new byte[CHUNK];
      point[chunk] = new int[CHUNK];
    }

    EventColumns build() {
      return new EventColumns(this);
    }
  }
}
