package dev.asyncinspect.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Writes every task's events in one time order, as the agent's ring records them, with {@code seq}
 * numbers from 0 without gaps. Tasks enter a priority queue by start time and leave it after their
 * last event, so memory follows the number of overlapping tasks, not of events: the same code
 * writes 1 million or 100 million.
 */
final class EventMerge {
  private EventMerge() {}

  private static final class Cursor {
    final TaskPlan task;
    int next;

    Cursor(TaskPlan task) {
      this.task = task;
    }

    long time() {
      return task.time(next);
    }
  }

  static void write(RecordWriter out, List<TaskPlan> tasks) throws IOException {
    List<TaskPlan> byStart = new ArrayList<>(tasks);
    byStart.sort(Comparator.comparingLong((TaskPlan t) -> t.start).thenComparingInt(t -> t.id));
    PriorityQueue<Cursor> queue =
        new PriorityQueue<>(
            Comparator.comparingLong(Cursor::time).thenComparingInt(c -> c.task.id));
    long seq = 0;
    int admitted = 0;
    while (admitted < byStart.size() || !queue.isEmpty()) {
      if (admitted < byStart.size()
          && (queue.isEmpty() || byStart.get(admitted).start <= queue.peek().time())) {
        queue.add(new Cursor(byStart.get(admitted++)));
        continue;
      }
      Cursor cursor = queue.poll();
      TaskPlan task = cursor.task;
      TaskState state = task.state(cursor.next);
      JsonGenerator json = out.begin("event");
      json.writeNumberField("seq", seq++);
      json.writeNumberField("t", cursor.time());
      json.writeNumberField("task", task.id);
      json.writeStringField("state", state.name());
      if (state == TaskState.BLOCKED) {
        json.writeNumberField("point", Workload.pointId(task.method, task.pointIndex(cursor.next)));
      }
      out.end();
      if (++cursor.next < task.events) {
        queue.add(cursor);
      }
    }
  }
}
