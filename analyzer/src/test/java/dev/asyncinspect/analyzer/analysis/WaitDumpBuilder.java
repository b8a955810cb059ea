package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitInfo;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EndInfo;
import dev.asyncinspect.analyzer.dump.ErrorInfo;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.ExecutorInfo;
import dev.asyncinspect.analyzer.dump.Header;
import dev.asyncinspect.analyzer.dump.JvmDeadlockInfo;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.dump.ThreadInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds dumps of tasks that wait on each other, for the wait-for graph, stuck-task, deadlock and
 * failure tests. Every task runs method {@code id} of class {@code Demo} ({@code Demo.java}); every
 * await point {@code id} is at line {@code 100 + id}. The dump is taken at {@link #NOW}.
 */
final class WaitDumpBuilder {
  static final long NOW = 10_000_000_000L;

  private String reason = "request";
  private final Map<Integer, MethodInfo> methods = new LinkedHashMap<>();
  private final Map<Integer, AwaitPointInfo> points = new LinkedHashMap<>();
  private final Map<Long, ThreadInfo> threads = new LinkedHashMap<>();
  private final List<Task> tasks = new ArrayList<>();
  private final Map<Integer, ObjectInfo> objects = new LinkedHashMap<>();
  private final List<JvmDeadlockInfo> jvmDeadlocks = new ArrayList<>();
  private final List<EventInfo> events = new ArrayList<>();

  WaitDumpBuilder reason(String why) {
    reason = why;
    return this;
  }

  /** A task in a state since {@code sinceNanos} before the dump; its name is {@code Demo.m<id>}. */
  Task task(long id, TaskState state, long sinceNanos) {
    int method = (int) id;
    methods.putIfAbsent(
        method,
        new MethodInfo(
            method, "demo.Demo", "m" + id, "()V", "Demo.m" + id, TaskKind.SYNC, "Demo.java", 1));
    Task task = new Task(id, state, NOW - sinceNanos);
    tasks.add(task);
    return task;
  }

  /** An await point at {@code Demo.java:<100 + id>}. */
  WaitDumpBuilder point(int id, String operation, AwaitKind kind) {
    points.put(id, new AwaitPointInfo(id, 1, "Demo.java", 100 + id, operation, null, kind, false));
    return this;
  }

  WaitDumpBuilder future(int id, Long producer, boolean done) {
    return object(
        new ObjectInfo(
            id,
            ObjectKind.FUTURE,
            "java.util.concurrent.CompletableFuture",
            "f" + id,
            done,
            done ? "COMPLETED" : null,
            producer,
            List.of(),
            null,
            null,
            List.of()));
  }

  /** A future not done, with no producer, derived from {@code sources} ({@code thenApply}...). */
  WaitDumpBuilder derived(int id, Integer... sources) {
    return object(
        new ObjectInfo(
            id,
            ObjectKind.FUTURE,
            "java.util.concurrent.CompletableFuture",
            "f" + id,
            false,
            null,
            null,
            List.of(),
            null,
            null,
            List.of(),
            List.of(sources),
            null));
  }

  /** A {@code THREAD_POOL} executor of at most {@code size} workers. */
  WaitDumpBuilder pool(int id, int size, List<Long> queued, List<Long> running) {
    ExecutorInfo executor =
        new ExecutorInfo(
            "THREAD_POOL",
            running.size(),
            size,
            size,
            null,
            running.size(),
            (long) queued.size(),
            queued,
            running);
    return object(
        new ObjectInfo(
            id,
            ObjectKind.EXECUTOR,
            "java.util.concurrent.ThreadPoolExecutor",
            "p" + id,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            List.of(),
            List.of(),
            executor));
  }

  WaitDumpBuilder lock(int id, Long... holders) {
    return object(
        new ObjectInfo(
            id,
            ObjectKind.LOCK,
            "java.util.concurrent.locks.ReentrantLock",
            "l" + id,
            null,
            null,
            null,
            List.of(holders),
            holders.length > 0,
            null,
            List.of()));
  }

  WaitDumpBuilder object(int id, ObjectKind kind, String className, Long thread) {
    return object(
        new ObjectInfo(
            id, kind, className, "o" + id, null, null, null, List.of(), null, thread, List.of()));
  }

  WaitDumpBuilder object(ObjectInfo object) {
    objects.put(object.id(), object);
    return this;
  }

  WaitDumpBuilder thread(long id, String name, boolean virtual, String lock, Long lockOwner) {
    StackFrame frame = new StackFrame("demo.Worker", "work", "Worker.java", (int) id, false);
    threads.put(
        id, new ThreadInfo(id, name, virtual, "BLOCKED", true, lock, lockOwner, List.of(frame)));
    return this;
  }

  WaitDumpBuilder jvmDeadlock(Long... threadIds) {
    jvmDeadlocks.add(new JvmDeadlockInfo(List.of(threadIds)));
    return this;
  }

  WaitDumpBuilder event(long t, long task, TaskState state, Integer point) {
    events.add(new EventInfo(events.size(), t, task, state, point));
    return this;
  }

  Dump build() {
    List<TaskInfo> built = tasks.stream().map(Task::build).toList();
    Header header =
        new Header(
            "async-inspect-dump",
            "1.0",
            "test",
            Map.of("name", "Test VM"),
            42,
            null,
            "2026-11-21T10:00:00Z",
            "2026-11-21T10:00:10Z",
            NOW,
            reason,
            Map.of());
    return new Dump(
        Path.of("waits.aidump.jsonl"),
        header,
        methods,
        points,
        threads,
        built,
        objects,
        jvmDeadlocks,
        List.of(),
        List.of(),
        events,
        new EndInfo(Map.of(), Map.of(), built.size()),
        List.of());
  }

  /** A task under construction. */
  final class Task {
    private final long id;
    private final TaskState state;
    private final long since;
    private TaskKind kind = TaskKind.SYNC;
    private Long parent;
    private Long thread;
    private long start;
    private Long end;
    private AwaitInfo await;
    private Integer future;
    private List<Integer> holds = List.of();
    private ErrorInfo error;
    private Integer executor;

    private Task(long id, TaskState state, long since) {
      this.id = id;
      this.state = state;
      this.since = since;
      this.start = Math.max(0, since - 1_000);
      this.end = state.terminal() ? since : null;
    }

    /** Blocked at await point {@code point} on object {@code object} (null: on nothing). */
    Task awaiting(int point, Integer object) {
      await = new AwaitInfo(point, object, since);
      return this;
    }

    Task returned(int futureId) {
      kind = TaskKind.ASYNC;
      future = futureId;
      return this;
    }

    /** A SPAWNED task handed to executor {@code executorId}. */
    Task spawnedOn(int executorId) {
      kind = TaskKind.SPAWNED;
      executor = executorId;
      return this;
    }

    Task async() {
      kind = TaskKind.ASYNC;
      return this;
    }

    Task parent(long parentId) {
      parent = parentId;
      return this;
    }

    Task on(long threadId) {
      thread = threadId;
      return this;
    }

    Task holds(Integer... objectIds) {
      holds = List.of(objectIds);
      return this;
    }

    Task ran(long startNanos, long endNanos) {
      start = startNanos;
      end = endNanos;
      return this;
    }

    Task failed(ErrorInfo exception) {
      error = exception;
      return this;
    }

    WaitDumpBuilder done() {
      return WaitDumpBuilder.this;
    }

    TaskInfo build() {
      return new TaskInfo(
          id,
          (int) id,
          "Demo.m" + id,
          kind,
          state,
          parent,
          thread,
          thread,
          start,
          end,
          since,
          2,
          0,
          0,
          0,
          await,
          future,
          holds,
          error,
          null,
          executor);
    }
  }
}
