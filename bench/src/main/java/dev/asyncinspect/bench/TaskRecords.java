package dev.asyncinspect.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.io.IOException;

/** The task records: every planned task, with the sums and references its events imply. */
final class TaskRecords {
  private TaskRecords() {}

  static void write(RecordWriter out, Workload workload, LiveObjects objects) throws IOException {
    for (TaskPlan task : workload.tasks) {
      TaskState state = task.finalState();
      JsonGenerator json = out.begin("task");
      json.writeNumberField("id", task.id);
      json.writeNumberField("method", task.method);
      json.writeStringField("name", Names.task(task.method));
      json.writeStringField("kind", task.async ? "ASYNC" : "SYNC");
      json.writeStringField("state", state.name());
      if (task.parent > 0) {
        json.writeNumberField("parent", task.parent);
      }
      if (Threads.hasThread(task)) {
        json.writeNumberField("thread", Threads.of(task));
      }
      json.writeNumberField("startThread", task.live() ? Threads.of(task) : 1 + task.id % 64);
      json.writeNumberField("start", task.start);
      if (!task.live()) {
        json.writeNumberField("end", task.last);
      }
      json.writeNumberField("stateSince", task.last);
      json.writeNumberField("transitions", task.events);
      json.writeNumberField("runningNanos", task.runningNanos);
      json.writeNumberField("blockedNanos", task.blockedNanos);
      json.writeNumberField("suspendedNanos", task.suspendedNanos);
      if (SyntheticDump.blocked(task)) {
        json.writeObjectFieldStart("await");
        json.writeNumberField(
            "point", Workload.pointId(task.method, task.pointIndex(task.events - 1)));
        if (objects.awaited[task.id] > 0) {
          json.writeNumberField("object", objects.awaited[task.id]);
        }
        json.writeNumberField("since", task.last);
        json.writeEndObject();
      }
      if (objects.future[task.id] > 0) {
        json.writeNumberField("future", objects.future[task.id]);
      }
      if (objects.held[task.id] > 0) {
        out.intArray("holds", objects.held[task.id]);
      }
      if (state == TaskState.FAILED) {
        error(out, json, task);
      }
      out.end();
    }
  }

  /** An exception with a cause, as the agent writes a failed task's. */
  private static void error(RecordWriter out, JsonGenerator json, TaskPlan task)
      throws IOException {
    json.writeObjectFieldStart("error");
    json.writeStringField("class", "java.util.concurrent.CompletionException");
    json.writeStringField("message", "java.io.IOException: upstream " + task.method + " failed");
    stack(out, json, task.method, 12);
    json.writeObjectFieldStart("cause");
    json.writeStringField("class", "java.io.IOException");
    json.writeStringField("message", "upstream " + task.method + " failed");
    stack(out, json, task.method + 1, 6);
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void stack(RecordWriter out, JsonGenerator json, int method, int depth)
      throws IOException {
    json.writeArrayFieldStart("stack");
    for (int i = 0; i < depth; i++) {
      int m = 1 + (method + i * 13) % Workload.METHODS;
      out.frame(Names.className(m), Names.methodName(m), Names.file(m), 10 * m + i % 3);
    }
    json.writeEndArray();
  }
}
