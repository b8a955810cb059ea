package dev.asyncinspect.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.io.IOException;

/** The thread records of the live tasks that run or block, with stacks of realistic depth. */
final class Threads {
  private Threads() {}

  /** A live running or blocked task's thread id. */
  static long of(TaskPlan task) {
    return 100_000L + task.id;
  }

  static boolean hasThread(TaskPlan task) {
    return task.live()
        && (task.finalState() == TaskState.RUNNING || task.finalState() == TaskState.BLOCKED);
  }

  static void write(RecordWriter out, Workload workload, LiveObjects objects) throws IOException {
    for (TaskPlan task : workload.tasks) {
      if (!hasThread(task)) {
        continue;
      }
      boolean blocked = task.finalState() == TaskState.BLOCKED;
      boolean virtual = task.id % 2 == 0;
      JsonGenerator json = out.begin("thread");
      json.writeNumberField("id", of(task));
      json.writeStringField("name", virtual ? "" : "worker-" + task.id);
      json.writeBooleanField("virtual", virtual);
      json.writeStringField("state", blocked ? "WAITING" : "RUNNABLE");
      json.writeBooleanField("daemon", true);
      json.writeArrayFieldStart("stack");
      if (blocked) {
        out.frame("java.util.concurrent.locks.LockSupport", "park", "LockSupport.java", 221);
        out.frame("java.util.concurrent.CompletableFuture", "join", "CompletableFuture.java", 2117);
      }
      out.frame(
          Names.className(task.method),
          Names.methodName(task.method),
          Names.file(task.method),
          10 * task.method + 2);
      for (int depth = 0; depth < 8; depth++) {
        int caller = 1 + (task.method + depth * 37) % Workload.METHODS;
        out.frame(
            Names.className(caller), Names.methodName(caller), Names.file(caller), 10 * caller + 5);
      }
      out.frame("java.lang.Thread", "run", "Thread.java", 1583);
      json.writeEndArray();
      out.end();
    }
  }
}
