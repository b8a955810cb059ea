package dev.asyncinspect.analyzer.dump;

/**
 * A fast path for the line most of a dump consists of, the {@code event} record, in exactly the
 * shape the agent writes it:
 *
 * <pre>{"type":"event","seq":12,"t":3456,"task":7,"state":"BLOCKED","point":2}</pre>
 *
 * ({@code point} only when present, fields in this order, in {@link LineScanner}'s strict subset of
 * JSON). It decodes such a line into its fields, without the general parser's tree of maps and
 * boxed numbers, and without allocating: that made reading a dump of a million events several times
 * faster (docs/performance.md). Any other line, valid or not, is left to the general path ({@link
 * #parse} returns false), which accepts every JSON spelling of the record and reports every error;
 * so the fast path changes only the speed of reading. One instance reads a whole dump.
 */
final class EventLine {
  private static final int NO_POINT = EventList.NO_POINT;

  private static final Key START = Key.of("{\"type\":\"event\",\"seq\":");
  private static final Key TIME = Key.of(",\"t\":");
  private static final Key TASK = Key.of(",\"task\":");
  private static final Key STATE = Key.of(",\"state\":");
  private static final Key POINT = Key.of(",\"point\":");
  private static final TaskState[] STATES = TaskState.values();
  private static final Key[] STATE_NAMES = LineScanner.names(STATES);

  private final LineScanner in = new LineScanner();

  // The fields of the last line parse() accepted.
  long seq;
  long time;
  long task;
  TaskState state;
  int point;

  /** Whether the line is an event in the agent's exact shape; its fields are then set. */
  boolean parse(byte[] line, int length) {
    return parse(line, 0, length);
  }

  /**
   * {@link #parse(byte[], int)} for a line that starts at {@code from}, in bytes that may go on
   * past its newline up to {@code limit}; {@link #end()} then says where it ended.
   */
  boolean parse(byte[] line, int from, int limit) {
    in.reset(line, from, limit);
    if (!in.expect(START) || !in.number()) {
      return false;
    }
    seq = in.number;
    if (!in.expect(TIME) || !in.number()) {
      return false;
    }
    time = in.number;
    if (!in.expect(TASK) || !in.number()) {
      return false;
    }
    task = in.number;
    state = in.expect(STATE) ? in.constant(STATES, STATE_NAMES) : null;
    if (state == null) {
      return false;
    }
    point = NO_POINT;
    if (in.peek(',')) {
      if (!in.expect(POINT) || !in.intNumber() || in.number == NO_POINT) {
        return false;
      }
      point = (int) in.number;
    }
    return in.skip('}') && in.atLineEnd();
  }

  /** Where the last accepted line ended: its newline, or the end of the bytes. */
  int end() {
    return in.position();
  }

  /** The last accepted line as an {@link EventInfo}. */
  EventInfo event() {
    return new EventInfo(seq, time, task, state, point == NO_POINT ? null : point);
  }
}
