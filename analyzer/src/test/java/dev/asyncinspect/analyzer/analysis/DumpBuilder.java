package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitInfo;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EndInfo;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.Header;
import dev.asyncinspect.analyzer.dump.Histogram;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link Dump} model in a test, without a file: only what an analysis looks at. */
final class DumpBuilder {
  private final long dumpNanos;
  private final Map<Integer, MethodInfo> methods = new LinkedHashMap<>();
  private final Map<Integer, AwaitPointInfo> points = new LinkedHashMap<>();
  private final List<TaskBuilder> tasks = new ArrayList<>();
  private final Map<Integer, ObjectInfo> objects = new LinkedHashMap<>();
  private final List<StatsInfo> methodStats = new ArrayList<>();
  private final List<StatsInfo> pointStats = new ArrayList<>();
  private final List<EventInfo> events = new ArrayList<>();
  private long droppedEvents;

  DumpBuilder(long dumpNanos) {
    this.dumpNanos = dumpNanos;
  }

  /** A method named {@code Class.name}, declared in {@code Class.java}. */
  DumpBuilder method(int id, String task, TaskKind kind) {
    String simpleClass = task.contains(".") ? task.substring(0, task.indexOf('.')) : "Demo";
    methods.put(
        id,
        new MethodInfo(
            id,
            "demo." + simpleClass,
            task.substring(task.indexOf('.') + 1),
            kind == TaskKind.ASYNC ? "()Ljava/util/concurrent/CompletableFuture;" : "()V",
            task,
            kind,
            simpleClass + ".java",
            10 * id));
    return this;
  }

  DumpBuilder point(int id, int method, String operation, AwaitKind kind, int line) {
    MethodInfo owner = methods.get(method);
    String file = owner == null ? null : owner.file();
    points.put(
        id,
        new AwaitPointInfo(
            id, method, file, line, operation, null, kind, operation.endsWith("sleep")));
    return this;
  }

  TaskBuilder task(long id, int method) {
    TaskBuilder task = new TaskBuilder(id, method);
    tasks.add(task);
    return task;
  }

  DumpBuilder future(int id, Long producer, long... waiters) {
    List<Long> waiting = new ArrayList<>();
    for (long waiter : waiters) {
      waiting.add(waiter);
    }
    objects.put(
        id,
        new ObjectInfo(
            id,
            ObjectKind.FUTURE,
            "java.util.concurrent.CompletableFuture",
            Integer.toHexString(0x1000 + id),
            false,
            null,
            producer,
            List.of(),
            null,
            null,
            waiting));
    return this;
  }

  /** Method statistics whose histogram and sums come from single durations. */
  DumpBuilder methodStats(
      int method, long failed, long running, long blocked, long suspended, long... durations) {
    methodStats.add(stats(method, failed, running, blocked, suspended, durations));
    return this;
  }

  DumpBuilder methodStats(StatsInfo stats) {
    methodStats.add(stats);
    return this;
  }

  DumpBuilder pointStats(int point, long failed, long... durations) {
    pointStats.add(stats(point, failed, 0, 0, 0, durations));
    return this;
  }

  DumpBuilder object(ObjectInfo object) {
    objects.put(object.id(), object);
    return this;
  }

  DumpBuilder event(long t, long task, TaskState state) {
    events.add(new EventInfo(droppedEvents + events.size(), t, task, state, null));
    return this;
  }

  DumpBuilder blocked(long t, long task, int point) {
    events.add(new EventInfo(droppedEvents + events.size(), t, task, TaskState.BLOCKED, point));
    return this;
  }

  /** The ring lost the first {@code count} events: the end record says so, and seqs begin there. */
  DumpBuilder droppedEvents(long count) {
    droppedEvents = count;
    return this;
  }

  Dump build() {
    List<TaskInfo> built = new ArrayList<>();
    for (TaskBuilder task : tasks) {
      built.add(task.build());
    }
    Header header =
        new Header(
            "async-inspect-dump",
            "1.0",
            "test",
            Map.of(),
            1,
            null,
            "2026-11-21T10:00:00Z",
            "2026-11-21T10:00:01Z",
            dumpNanos,
            "request",
            Map.of());
    return new Dump(
        Path.of("test.aidump.jsonl"),
        header,
        methods,
        points,
        Map.of(),
        built,
        objects,
        List.of(),
        methodStats,
        pointStats,
        events,
        new EndInfo(Map.of(), Map.of("events", droppedEvents), built.size()),
        List.of());
  }

  static StatsInfo stats(
      int id, long failed, long running, long blocked, long suspended, long... durations) {
    Map<Integer, Long> buckets = new TreeMap<>();
    long total = 0;
    long max = 0;
    for (long duration : durations) {
      buckets.merge(Histogram.bucketOf(duration), 1L, Long::sum);
      total += duration;
      max = Math.max(max, duration);
    }
    List<Histogram.Bucket> list = new ArrayList<>();
    buckets.forEach((index, count) -> list.add(new Histogram.Bucket(index, count)));
    return new StatsInfo(
        id,
        durations.length,
        failed,
        0,
        total,
        max,
        running,
        blocked,
        suspended,
        new Histogram(list));
  }

  /** A task; finished ({@code COMPLETED}) from {@code start} to {@code end} unless told. */
  static final class TaskBuilder {
    private final long id;
    private final int method;
    private TaskKind kind = TaskKind.SYNC;
    private TaskState state = TaskState.COMPLETED;
    private Long parent;
    private long start;
    private Long end;
    private long stateSince;
    private int transitions = 2;
    private long running;
    private long blocked;
    private long suspended;
    private AwaitInfo await;
    private Integer future;
    private Long thread;
    private Long startThread = 1L;

    private TaskBuilder(long id, int method) {
      this.id = id;
      this.method = method;
    }

    TaskBuilder async() {
      kind = TaskKind.ASYNC;
      return this;
    }

    TaskBuilder spawned() {
      kind = TaskKind.SPAWNED;
      return this;
    }

    TaskBuilder parent(long parentId) {
      parent = parentId;
      return this;
    }

    /** Finished, from start to end. */
    TaskBuilder ran(long from, long to) {
      start = from;
      end = to;
      stateSince = to;
      running = to - from;
      return this;
    }

    /** Live since {@code from}, in {@code live} state since {@code since}. */
    TaskBuilder live(TaskState live, long from, long since) {
      state = live;
      start = from;
      end = null;
      stateSince = since;
      return this;
    }

    TaskBuilder state(TaskState finalState) {
      state = finalState;
      return this;
    }

    TaskBuilder times(int count, long runningNanos, long blockedNanos, long suspendedNanos) {
      transitions = count;
      running = runningNanos;
      blocked = blockedNanos;
      suspended = suspendedNanos;
      return this;
    }

    TaskBuilder awaiting(int point, Integer object, long since) {
      await = new AwaitInfo(point, object, since);
      return this;
    }

    TaskBuilder future(int object) {
      future = object;
      return this;
    }

    /** The thread it runs on now (RUNNING or BLOCKED). */
    TaskBuilder thread(long threadId) {
      thread = threadId;
      return this;
    }

    /** The thread that started it; 1 unless told. */
    TaskBuilder startThread(long threadId) {
      startThread = threadId;
      return this;
    }

    TaskInfo build() {
      return new TaskInfo(
          id,
          method,
          "task" + id,
          kind,
          state,
          parent,
          thread,
          startThread,
          start,
          end,
          stateSince,
          transitions,
          running,
          blocked,
          suspended,
          await,
          future,
          List.of(),
          null);
    }
  }
}
