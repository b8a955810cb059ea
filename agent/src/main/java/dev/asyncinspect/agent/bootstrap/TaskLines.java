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
   * Renders task {@code id}, registering in {@code objects} what it waits on, holds and produces,
   * and in {@code threads} the thread it runs on; null when the record was reused for another task
   * while it was read (the task ended during the dump and left the tables).
   */
  static String task(
      JsonLine line, TaskRecord t, long id, ObjectTable objects, ThreadRecords threads) {
    int state = t.state; // read first: the fields below belong to this state or a later one
    if (state == TaskStates.RESERVED) {
      return null; // reused for a task being started
    }
    AwaitSite site = t.awaitSite;
    Object awaited = t.awaited;
    ThreadState threadState = t.thread;
    Thread thread = threadState == null ? null : threadState.thread();
    FutureBinding binding = t.binding;
    Object future = binding == null ? null : binding.get();
    MethodSite method = t.method;
    SpawnSite spawn = t.spawn;
    long parentId = t.parentId;
    long startThreadId = t.startThreadId;
    long start = t.start;
    long end = t.end;
    long stateSince = t.stateSince;
    int transitions = t.transitions;
    long runningNanos = t.runningNanos;
    long blockedNanos = t.blockedNanos;
    long suspendedNanos = t.suspendedNanos;
    WeakReference<Object> executorRef = t.executor;
    Object executor = executorRef == null ? null : executorRef.get();
    Object[] held = t.heldSnapshot();
    FailureInfo failure = t.failure;
    if (!t.sameTask(id) || method == null) {
      return null;
    }

    line.begin()
        .field("type", "task")
        .field("id", id)
        .field("method", method.id)
        .field("name", spawn != null ? spawn.taskName : method.taskName)
        .field("kind", spawn != null ? "SPAWNED" : method.async ? "ASYNC" : "SYNC")
        .field("state", TaskStates.name(state));
    if (spawn != null) {
      line.field("spawnPoint", spawn.id);
    }
    if (parentId > 0) {
      line.field("parent", parentId);
    }
    boolean onThread = state == TaskStates.RUNNING || state == TaskStates.BLOCKED;
    if (onThread && thread != null) {
      threads.add(thread);
      line.field("thread", ThreadRecords.id(thread));
    }
    line.field("startThread", startThreadId).field("start", start);
    if (TaskStates.terminal(state)) {
      line.field("end", end);
    }
    line.field("stateSince", stateSince)
        .field("transitions", transitions)
        .field("runningNanos", runningNanos)
        .field("blockedNanos", blockedNanos)
        .field("suspendedNanos", suspendedNanos);
    if (state == TaskStates.BLOCKED && site != null) {
      line.object("await").field("point", site.id);
      if (awaited != null) {
        ObjectTable.Entry entry =
            objects.entry(awaited, ObjectTable.kindOfAwaited(site.kind, awaited));
        entry.waiters.add(id);
        line.field("object", entry.id);
      }
      line.field("since", stateSince).endObject();
    }
    if (executor != null && !TaskStates.terminal(state)) {
      ObjectTable.Entry entry = objects.entry(executor, "EXECUTOR");
      (state == TaskStates.QUEUED ? entry.queued : entry.running).add(id);
      line.field("executor", entry.id);
    }
    if (future != null && !TaskStates.terminal(state)) {
      ObjectTable.Entry entry = objects.entry(future, "FUTURE");
      entry.offerProducer(id, spawn != null);
      line.field("future", entry.id);
    }
    if (held.length > 0) {
      line.array("holds");
      boolean waitingOnMonitor =
          state == TaskStates.BLOCKED && site != null && "WAIT".equals(site.kind);
      for (Object lock : held) {
        // Object.wait() gives the monitor up while it waits.
        if (lock != null && !(waitingOnMonitor && lock == awaited)) {
          ObjectTable.Entry entry = objects.entry(lock, ObjectTable.kindOfHeld(lock));
          if (!entry.holders.contains(id)) {
            entry.holders.add(id);
          }
          line.element(entry.id);
        }
      }
      line.endArray();
    }
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
        .field("count", s.count())
        .field("failed", s.failed());
    boolean ofTasks = !"pointStats".equals(type);
    if (ofTasks) {
      line.field("cancelled", s.cancelled());
    }
    line.field("totalNanos", s.totalNanos()).field("maxNanos", s.maxNanos());
    if (ofTasks) {
      line.field("runningNanos", s.runningNanos())
          .field("blockedNanos", s.blockedNanos())
          .field("suspendedNanos", s.suspendedNanos());
    }
    line.array("histogram");
    for (int b = 0; b < Histogram.BUCKETS; b++) {
      long count = s.bucketCount(b);
      if (count > 0) {
        line.elementArray().element(b).element(count).endArray();
      }
    }
    return line.endArray().end();
  }

  private TaskLines() {}
}
