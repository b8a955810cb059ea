package dev.asyncinspect.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The futures and locks of the live tasks: each suspended ASYNC task's returned future; a task
 * blocked on a future waits on one of those (or, when there is none, on a future its parent was to
 * complete); a task blocked on a lock waits on a lock held by a running task. That gives the wait
 * chains and holders a real dump has, without cycles.
 */
final class LiveObjects {
  private record Entry(int id, boolean future, int producer, int holder, List<Integer> waiters) {}

  private final List<Entry> entries = new ArrayList<>();

  /** By task id: the object id of its future, of what it waits on, of the lock it holds; or 0. */
  final int[] future;

  final int[] awaited;
  final int[] held;

  private LiveObjects(int tasks) {
    future = new int[tasks + 1];
    awaited = new int[tasks + 1];
    held = new int[tasks + 1];
  }

  static LiveObjects assign(Workload workload) {
    LiveObjects objects = new LiveObjects(workload.tasks.size());
    List<TaskPlan> suspended = new ArrayList<>();
    List<TaskPlan> running = new ArrayList<>();
    for (TaskPlan task : workload.tasks) {
      if (task.live() && task.finalState() == TaskState.SUSPENDED) {
        suspended.add(task);
        objects.future[task.id] = objects.add(true, task.id, 0);
      } else if (task.live() && task.finalState() == TaskState.RUNNING) {
        running.add(task);
      }
    }
    int nextFuture = 0;
    int nextHolder = 0;
    for (TaskPlan task : workload.tasks) {
      if (!SyntheticDump.blocked(task)) {
        continue;
      }
      int object = 0;
      switch (task.pointIndex(task.events - 1)) {
        case 0 ->
            object =
                suspended.isEmpty()
                    ? objects.add(true, task.parent, 0)
                    : objects.future[suspended.get(nextFuture++ % suspended.size()).id];
        case 1 -> {
          TaskPlan holder = running.isEmpty() ? null : running.get(nextHolder++ % running.size());
          if (holder == null) {
            object = objects.add(false, 0, 0);
          } else {
            if (objects.held[holder.id] == 0) {
              objects.held[holder.id] = objects.add(false, 0, holder.id);
            }
            object = objects.held[holder.id];
          }
        }
        default -> {
          // Thread.sleep waits on nothing.
        }
      }
      if (object > 0) {
        objects.awaited[task.id] = object;
        objects.entries.get(object - 1).waiters().add(task.id);
      }
    }
    return objects;
  }

  private int add(boolean isFuture, int producer, int holder) {
    int id = entries.size() + 1;
    entries.add(new Entry(id, isFuture, producer, holder, new ArrayList<>()));
    return id;
  }

  void write(RecordWriter out) throws IOException {
    for (Entry entry : entries) {
      JsonGenerator json = out.begin("object");
      json.writeNumberField("id", entry.id());
      json.writeStringField("kind", entry.future() ? "FUTURE" : "LOCK");
      json.writeStringField(
          "class",
          entry.future()
              ? "java.util.concurrent.CompletableFuture"
              : "java.util.concurrent.locks.ReentrantLock");
      json.writeStringField("identity", Integer.toHexString(0x10000000 + entry.id() * 7919));
      if (entry.future()) {
        json.writeBooleanField("done", false);
        if (entry.producer() > 0) {
          json.writeNumberField("producer", entry.producer());
        }
      } else {
        if (entry.holder() > 0) {
          out.intArray("holders", entry.holder());
        }
        json.writeBooleanField("locked", true);
      }
      out.intArray("waiters", entry.waiters().stream().mapToInt(Integer::intValue).toArray());
      out.end();
    }
  }
}
