package dev.asyncinspect.analyzer.dump;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the records of one dump as the reader decodes them, line by line, and builds the {@link
 * Dump} at the end. Knows which record types exist; ignores the ones it does not know, as a minor
 * version may add record types.
 */
final class DumpAssembler {
  private final Path file;
  private final Header header;
  private final Map<Integer, MethodInfo> methods = new LinkedHashMap<>();
  private final Map<Integer, AwaitPointInfo> awaitPoints = new LinkedHashMap<>();
  private final Map<Integer, SpawnPointInfo> spawnPoints = new LinkedHashMap<>();
  private final Map<Long, ThreadInfo> threads = new LinkedHashMap<>();
  private final List<TaskInfo> tasks = new ArrayList<>();
  private final LongIndex taskIds = new LongIndex(1024); // id -> position in tasks
  private final Map<Integer, ObjectInfo> objects = new LinkedHashMap<>();
  private final List<PinnedInfo> pinned = new ArrayList<>();
  private final List<JvmDeadlockInfo> jvmDeadlocks = new ArrayList<>();
  private final List<StatsInfo> methodStats = new ArrayList<>();
  private final List<StatsInfo> pointStats = new ArrayList<>();
  private final List<StatsInfo> spawnStats = new ArrayList<>();
  private final EventList.Builder events = new EventList.Builder();
  private final Interner frames = new Interner();
  // Built once, not for each of the two Dumps build() makes: both are large.
  private List<EventInfo> builtEvents;
  private List<TaskInfo> builtTasks;
  private final Map<String, Long> recordCounts = new LinkedHashMap<>();
  private final WarningList warnings = new WarningList();
  private EndInfo end;
  private boolean eventsOutOfOrder;
  // The fast paths' records are counted here, not in recordCounts: a map update per line.
  private long eventRecords;
  private long taskRecords;
  private long lastSeq = Long.MIN_VALUE; // of the last event; MIN_VALUE before the first
  private boolean anyEvent;

  DumpAssembler(Path file, Header header) {
    this.file = file;
    this.header = header;
    recordCounts.put("header", 1L);
  }

  boolean ended() {
    return end != null;
  }

  /** Adds one record; {@code type} is the record's {@code type} field. */
  void add(String type, JsonFields f) throws DumpFormatException {
    if (!type.equals("end")) {
      recordCounts.merge(type, 1L, Long::sum);
    }
    switch (type) {
      case "header" -> throw f.error("a second header record");
      case "method" -> {
        MethodInfo method = RecordDecoder.method(f);
        putOnce(methods, method.id(), method, f);
      }
      case "awaitPoint" -> {
        AwaitPointInfo point = RecordDecoder.awaitPoint(f);
        putOnce(awaitPoints, point.id(), point, f);
      }
      case "spawnPoint" -> {
        SpawnPointInfo point = RecordDecoder.spawnPoint(f);
        putOnce(spawnPoints, point.id(), point, f);
      }
      case "pinned" -> pinned.add(RecordDecoder.pinned(f, frames));
      case "thread" -> {
        ThreadInfo thread = RecordDecoder.thread(f, frames);
        putOnce(threads, thread.id(), thread, f);
      }
      case "task" -> addTask(RecordDecoder.task(f, frames), f.line());
      case "object" -> {
        ObjectInfo object = RecordDecoder.object(f);
        putOnce(objects, object.id(), object, f);
      }
      case "jvmDeadlock" -> jvmDeadlocks.add(RecordDecoder.jvmDeadlock(f));
      case "methodStats" -> methodStats.add(RecordDecoder.stats(f, "method"));
      case "pointStats" -> pointStats.add(RecordDecoder.stats(f, "point"));
      case "spawnStats" -> spawnStats.add(RecordDecoder.stats(f, "spawnPoint"));
      case "event" -> addEvent(RecordDecoder.event(f), f.line());
      case "end" -> end = RecordDecoder.end(f);
      default -> {
        // A record type of a later minor version: skipping it is what the format asks for.
      }
    }
  }

  /**
   * The dump. A complete one is checked for dangling references and for an end record whose counts
   * disagree with the records read; a truncated one lacks what came after the cut, so it is not,
   * and gets {@code truncationWarning} instead.
   */
  Dump build(String truncationWarning) {
    Dump dump = dump(List.of());
    if (end == null) {
      warnings.add(truncationWarning);
    } else {
      checkCounts();
      ReferenceCheck.check(dump, warnings);
    }
    return dump(warnings.toList());
  }

  private Dump dump(List<String> warningList) {
    if (builtEvents == null) {
      builtEvents = events.build();
      builtTasks = TaskList.indexed(tasks, taskIds);
    }
    return new Dump(
        file,
        header,
        methods,
        awaitPoints,
        threads,
        builtTasks,
        objects,
        jvmDeadlocks,
        methodStats,
        pointStats,
        builtEvents,
        end,
        warningList,
        spawnPoints,
        pinned,
        spawnStats);
  }

  /** Adds a task decoded by {@link TaskLine}'s fast path, from line {@code line}. */
  void task(TaskInfo task, int line) {
    if (taskRecords++ == 0) {
      recordCounts.putIfAbsent("task", 0L); // where the general path would have put it
    }
    addTask(task, line);
  }

  Path file() {
    return file;
  }

  private void addTask(TaskInfo task, int line) {
    if (taskIds.putIfAbsent(task.id(), tasks.size())) {
      tasks.add(task);
    } else {
      warnings.add(
          file + ":" + line + ": task " + task.id() + " appears twice; the first record is kept");
    }
  }

  /** Adds the event {@link EventLine}'s fast path just read, from line {@code line}. */
  void event(EventLine event, int line) {
    eventRecords++;
    checkOrder(event.seq, line);
    events.add(event.seq, event.time, event.task, event.state, event.point);
  }

  private void addEvent(EventInfo event, int line) {
    checkOrder(event.seq(), line);
    events.add(event);
  }

  private void checkOrder(long seq, int line) {
    if (anyEvent && seq <= lastSeq && !eventsOutOfOrder) {
      eventsOutOfOrder = true;
      warnings.add(file + ":" + line + ": events are not in seq order from here on");
    }
    anyEvent = true;
    lastSeq = seq;
  }

  private <K, V> void putOnce(Map<K, V> map, K id, V record, JsonFields f) {
    if (map.putIfAbsent(id, record) != null) {
      warnings.add(where(f) + f.path() + " " + id + " appears twice; the first record is kept");
    }
  }

  /** The records read by type, with the events of the fast path, which counts them apart. */
  private Map<String, Long> recordCounts() {
    Map<String, Long> counts = new LinkedHashMap<>(recordCounts);
    if (eventRecords > 0) {
      counts.merge("event", eventRecords, Long::sum);
    }
    if (taskRecords > 0) {
      counts.merge("task", taskRecords, Long::sum);
    }
    return counts;
  }

  private void checkCounts() {
    Map<String, Long> counted = recordCounts();
    Set<String> types = new LinkedHashSet<>(counted.keySet());
    types.addAll(end.counts().keySet());
    for (String type : types) {
      long read = counted.getOrDefault(type, 0L);
      long written = end.counts().getOrDefault(type, 0L);
      if (read != written) {
        warnings.add(
            file
                + ": the end record counts "
                + written
                + " "
                + type
                + " records, the dump has "
                + read);
      }
    }
  }

  private String where(JsonFields f) {
    return f.file() + ":" + f.line() + ": ";
  }
}
