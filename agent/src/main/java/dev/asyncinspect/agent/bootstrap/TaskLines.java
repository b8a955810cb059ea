package dev.asyncinspect.agent.bootstrap;

import java.lang.ref.WeakReference;

/** Renders the {@code method}, {@code awaitPoint}, {@code task} and stats records of a dump. */
final class TaskLines {

  static String method(JsonLine line, MethodSite m) {
    line.begin()
        .field("type", "method")
        .field("id", m.id)
        .field("class", m.className)
        .field("name", m.name)
        .field("descriptor", m.descriptor)
        .field("task", m.taskName)
        .field("kind", m.async ? "ASYNC" : "SYNC")
        .field("file", m.file);
    if (m.line > 0) {
      line.field("line", m.line);
    }
    return line.end();
  }

  static String awaitPoint(JsonLine line, AwaitSite s) {
    line.begin()
        .field("type", "awaitPoint")
        .field("id", s.id)
        .field("method", s.method.id)
        .field("file", s.file);
    if (s.line > 0) {
      line.field("line", s.line);
    }
    line.field("operation", s.operation);
    if (s.calleeOwner != null) {
      line.object("callee")
          .field("owner", s.calleeOwner)
          .field("name", s.calleeName)
          .field("descriptor", s.calleeDescriptor)
          .endObject();
    }
    return line.field("kind", s.kind).field("timed", s.timed).end();
  }

  /**
   * Renders a task, registering in {@code objects} what it waits on, holds and produces, and in
   * {@code threads} the thread it runs on.
   */
  static String task(JsonLine line, TaskRecord t, ObjectTable objects, ThreadRecords threads) {
    int state = t.state; // read first: the fields below belong to this state or a later one
    AwaitSite site = t.awaitSite;
    Object awaited = t.awaited;
    ThreadState threadState = t.thread;
    Thread thread = threadState == null ? null : threadState.thread.get();
    FutureBinding binding = t.binding;
    Object future = binding == null ? null : binding.get();

    line.begin()
        .field("type", "task")
        .field("id", t.id)
        .field("method", t.method.id)
        .field("name", t.name())
        .field("kind", t.kind())
        .field("state", TaskStates.name(state));
    if (t.spawn != null) {
      line.field("spawnPoint", t.spawn.id);
    }
    if (t.parentId > 0) {
      line.field("parent", t.parentId);
    }
    boolean onThread = state == TaskStates.RUNNING || state == TaskStates.BLOCKED;
    if (onThread && thread != null) {
      threads.add(thread);
      line.field("thread", ThreadRecords.id(thread));
    }
    line.field("startThread", t.startThreadId).field("start", t.start);
    if (TaskStates.terminal(state)) {
      line.field("end", t.end);
    }
    line.field("stateSince", t.stateSince)
        .field("transitions", t.transitions)
        .field("runningNanos", t.runningNanos)
        .field("blockedNanos", t.blockedNanos)
        .field("suspendedNanos", t.suspendedNanos);
    if (state == TaskStates.BLOCKED && site != null) {
      line.object("await").field("point", site.id);
      if (awaited != null) {
        ObjectTable.Entry entry =
            objects.entry(awaited, ObjectTable.kindOfAwaited(site.kind, awaited));
        entry.waiters.add(t.id);
        line.field("object", entry.id);
      }
      line.field("since", t.stateSince).endObject();
    }
    WeakReference<Object> executorRef = t.executor;
    Object executor = executorRef == null ? null : executorRef.get();
    if (executor != null && !TaskStates.terminal(state)) {
      ObjectTable.Entry entry = objects.entry(executor, "EXECUTOR");
      (state == TaskStates.QUEUED ? entry.queued : entry.running).add(t.id);
      line.field("executor", entry.id);
    }
    if (future != null && !TaskStates.terminal(state)) {
      ObjectTable.Entry entry = objects.entry(future, "FUTURE");
      entry.offerProducer(t.id, t.spawn != null);
      line.field("future", entry.id);
    }
    Object[] held = t.heldSnapshot();
    if (held.length > 0) {
      line.array("holds");
      boolean waitingOnMonitor =
          state == TaskStates.BLOCKED && site != null && "WAIT".equals(site.kind);
      for (Object lock : held) {
        // Object.wait() gives the monitor up while it waits.
        if (lock != null && !(waitingOnMonitor && lock == awaited)) {
          ObjectTable.Entry entry = objects.entry(lock, ObjectTable.kindOfHeld(lock));
          if (!entry.holders.contains(t.id)) {
            entry.holders.add(t.id);
          }
          line.element(entry.id);
        }
      }
      line.endArray();
    }
    FailureInfo failure = t.failure;
    if (failure != null && TaskStates.terminal(state)) {
      error(line, "error", failure);
    }
    return line.end();
  }

  private static void error(JsonLine line, String name, FailureInfo f) {
    line.object(name).field("class", f.className).field("message", f.message);
    ThreadRecords.frames(line, "stack", f.stack, f.stack.length);
    if (f.framesOmitted > 0) {
      line.field("framesOmitted", f.framesOmitted);
    }
    if (f.cause != null) {
      error(line, "cause", f.cause);
    }
    line.endObject();
  }

  static String spawnPoint(JsonLine line, SpawnSite s) {
    line.begin()
        .field("type", "spawnPoint")
        .field("id", s.id)
        .field("method", s.method.id)
        .field("file", s.file);
    if (s.line > 0) {
      line.field("line", s.line);
    }
    return line.field("operation", s.operation)
        .object("callee")
        .field("owner", s.calleeOwner)
        .field("name", s.calleeName)
        .field("descriptor", s.calleeDescriptor)
        .endObject()
        .end();
  }

  static String stats(JsonLine line, String type, String idField, int id, Stats s) {
    line.begin()
        .field("type", type)
        .field(idField, id)
        .field("count", s.count.get())
        .field("failed", s.failed.get());
    boolean ofTasks = !"pointStats".equals(type);
    if (ofTasks) {
      line.field("cancelled", s.cancelled.get());
    }
    line.field("totalNanos", s.totalNanos.get()).field("maxNanos", s.maxNanos.get());
    if (ofTasks) {
      line.field("runningNanos", s.runningNanos.get())
          .field("blockedNanos", s.blockedNanos.get())
          .field("suspendedNanos", s.suspendedNanos.get());
    }
    line.array("histogram");
    for (int b = 0; b < Histogram.BUCKETS; b++) {
      long count = s.histogram.count(b);
      if (count > 0) {
        line.elementArray().element(b).element(count).endArray();
      }
    }
    return line.endArray().end();
  }

  private TaskLines() {}
}
