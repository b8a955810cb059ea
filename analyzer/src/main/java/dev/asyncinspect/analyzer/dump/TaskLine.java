package dev.asyncinspect.analyzer.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for {@code task} records, the second most frequent line of a dump, written by the
 * agent as {@code {"type":"task","id":7,...}}: fields in any order, each at most once, in {@link
 * LineScanner}'s strict subset of JSON. It decodes them straight into a {@link TaskInfo}, a failed
 * task's {@code error} through {@link ErrorLine}. A line with a required field missing, a field it
 * does not know, or anything outside the subset is left to the general path ({@link #parse} returns
 * null), which reads all of JSON and reports every error; so the fast path changes only the speed
 * of reading (docs/performance.md).
 */
final class TaskLine {
  private static final Key START = Key.of("{\"type\":\"task\"");
  private static final String[] FIELDS = {
    "id",
    "method",
    "name",
    "kind",
    "state",
    "parent",
    "thread",
    "startThread",
    "start",
    "end",
    "stateSince",
    "transitions",
    "runningNanos",
    "blockedNanos",
    "suspendedNanos",
    "await",
    "future",
    "holds",
    "spawnPoint",
    "executor",
    "error"
  };
  private static final Key[] FIELD_NAMES = new Key[FIELDS.length];
  private static final Key[] QUOTED_NAMES = new Key[FIELDS.length]; // "name":
  private static final int REQUIRED =
      mask(
          "id",
          "method",
          "name",
          "kind",
          "state",
          "start",
          "stateSince",
          "transitions",
          "runningNanos",
          "blockedNanos",
          "suspendedNanos");
  private static final int BOXES = 1 << 10;
  private static final Key POINT = Key.of("point");
  private static final Key OBJECT = Key.of("object");
  private static final Key SINCE = Key.of("since");
  private static final TaskKind[] KINDS = TaskKind.values();
  private static final Key[] KIND_NAMES = LineScanner.names(KINDS);
  private static final TaskState[] STATES = TaskState.values();
  private static final Key[] STATE_NAMES = LineScanner.names(STATES);

  static {
    for (int i = 0; i < FIELDS.length; i++) {
      FIELD_NAMES[i] = Key.of(FIELDS[i]);
      QUOTED_NAMES[i] = Key.of("\"" + FIELDS[i] + "\":");
    }
  }

  private static int mask(String... names) {
    int mask = 0;
    for (String name : names) {
      mask |= 1 << java.util.Arrays.asList(FIELDS).indexOf(name);
    }
    return mask;
  }

  private final LineScanner in = new LineScanner();
  private final long[] numbers = new long[FIELDS.length];
  // What repeats from task to task is made once: the names (those of a method's tasks), and the
  // boxes of thread ids (a thread runs many tasks) and of parent ids (a task's children are near
  // it). For a million tasks these were 3 million objects for the collector to copy.
  private final StringCache names = new StringCache();
  private final Long[] threadIds = new Long[BOXES];
  private final Long[] parentIds = new Long[BOXES];
  private String name;
  private TaskKind kind;
  private TaskState state;
  private AwaitInfo await;
  private List<Integer> holds;
  private ErrorInfo error;
  private final ErrorLine errors = new ErrorLine();
  private int seen;
  private int expected; // the index of the field most likely next

  /**
   * The task on the line, or null when the general path must read it. One instance reads a whole
   * dump, so that a line costs no more allocation than its {@link TaskInfo}.
   */
  TaskInfo parse(byte[] line, int length) {
    return parse(line, 0, length);
  }

  /**
   * {@link #parse(byte[], int)} for a line that starts at {@code from}, in bytes that may go on
   * past its newline up to {@code limit}; {@link #end()} then says where it ended.
   */
  TaskInfo parse(byte[] line, int from, int limit) {
    in.reset(line, from, limit);
    name = null;
    kind = null;
    state = null;
    await = null;
    holds = List.of();
    error = null;
    seen = 0;
    expected = 0;
    if (!in.expect(START)) {
      return null;
    }
    while (in.skip(',')) {
      if (!field()) {
        return null;
      }
    }
    if (!in.skip('}') || !in.atLineEnd() || (seen & REQUIRED) != REQUIRED) {
      return null;
    }
    return new TaskInfo(
        numbers[0],
        (int) numbers[1],
        name,
        kind,
        state,
        optional(5, parentIds),
        optional(6, threadIds),
        optional(7, threadIds),
        numbers[8],
        optional(9),
        numbers[10],
        (int) numbers[11],
        numbers[12],
        numbers[13],
        numbers[14],
        await,
        isSet(16) ? (int) numbers[16] : null,
        holds,
        error,
        isSet(18) ? (int) numbers[18] : null,
        isSet(19) ? (int) numbers[19] : null);
  }

  /** Where the last accepted line ended: its newline, or the end of the bytes. */
  int end() {
    return in.position();
  }

  /** One field and its value; false when the line must go the general way. */
  private boolean field() {
    // The agent writes the fields in FIELDS' order, leaving out those without a value: the names
    // from the one after the last field are tried first, each with its quotes and colon, so that a
    // field costs a comparison or two instead of a scan of its name and one per field before it.
    int index = expected;
    while (index < FIELDS.length && !in.expect(QUOTED_NAMES[index])) {
      index++;
    }
    if (index == FIELDS.length) {
      int nameStart = in.fieldName();
      if (nameStart < 0) {
        return false;
      }
      index = 0;
      while (index < FIELDS.length && !in.nameIs(nameStart, FIELD_NAMES[index])) {
        index++;
      }
    }
    expected = index + 1;
    if (index == FIELDS.length) {
      // A field this class does not know, say of a later format version, goes the general way:
      // skipping it here could drop a field that the general path has learned to read.
      return false;
    }
    if (isSet(index)) {
      return false; // a duplicate: the general path refuses it with a message
    }
    seen |= 1 << index;
    switch (index) {
      case 2:
        name = in.string(names);
        return name != null;
      case 3:
        kind = in.constant(KINDS, KIND_NAMES);
        return kind != null;
      case 4:
        state = in.constant(STATES, STATE_NAMES);
        return state != null;
      case 15:
        return await();
      case 17:
        return holds();
      case 20:
        error = errors.read(in);
        return error != null;
      case 1, 11, 16, 18, 19:
        return intNumber(index);
      default:
        if (!in.number()) {
          return false;
        }
        numbers[index] = in.number;
        return true;
    }
  }

  private boolean intNumber(int index) {
    if (!in.intNumber()) {
      return false;
    }
    numbers[index] = in.number;
    return true;
  }

  /** {@code {"point":1,"object":2,"since":3}}, {@code object} optional, any order. */
  private boolean await() {
    if (!in.skip('{')) {
      return false;
    }
    Integer point = null;
    Integer object = null;
    Long since = null;
    do {
      int nameStart = in.fieldName();
      if (nameStart < 0) {
        return false;
      }
      if (in.nameIs(nameStart, POINT) && point == null && in.intNumber()) {
        point = (int) in.number;
      } else if (in.nameIs(nameStart, OBJECT) && object == null && in.intNumber()) {
        object = (int) in.number;
      } else if (in.nameIs(nameStart, SINCE) && since == null && in.number()) {
        since = in.number;
      } else {
        return false;
      }
    } while (in.skip(','));
    if (!in.skip('}') || point == null || since == null) {
      return false;
    }
    await = new AwaitInfo(point, object, since);
    return true;
  }

  /** {@code [3,4]}: object ids of 32 bits. */
  private boolean holds() {
    if (!in.skip('[')) {
      return false;
    }
    if (in.skip(']')) {
      return true;
    }
    List<Integer> ids = new ArrayList<>(2);
    do {
      if (!in.intNumber()) {
        return false;
      }
      ids.add((int) in.number);
    } while (in.skip(','));
    holds = ids;
    return in.skip(']');
  }

  private boolean isSet(int index) {
    return (seen & (1 << index)) != 0;
  }

  private Long optional(int index) {
    return isSet(index) ? numbers[index] : null;
  }

  /** {@link #optional(int)}, boxed once per value in {@code boxes} (direct-mapped: last wins). */
  private Long optional(int index, Long[] boxes) {
    if (!isSet(index)) {
      return null;
    }
    long value = numbers[index];
    int slot = (int) (value ^ (value >>> 32)) & (BOXES - 1);
    Long box = boxes[slot];
    if (box == null || box != value) {
      box = value;
      boxes[slot] = box;
    }
    return box;
  }
}
