package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.EventColumns;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished waits in an event history: a task's {@code BLOCKED} event at a point, to the task's
 * next event. Used for await points the dump has no {@code pointStats} for; it covers only the
 * waits still in the history, which is why such statistics are marked {@link StatsSource#DUMP}.
 */
final class WaitsFromEvents {
  private WaitsFromEvents() {}

  private record Open(int point, long since) {}

  /** The durations of the finished waits, by await-point id. One pass over the events. */
  static Map<Integer, List<Long>> durationsByPoint(EventColumns events) {
    Map<Long, Open> open = new HashMap<>();
    Map<Integer, List<Long>> durations = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Open wait = open.remove(events.task(i));
      if (wait != null) {
        durations
            .computeIfAbsent(wait.point(), id -> new ArrayList<>())
            .add(Math.max(0, events.time(i) - wait.since()));
      }
      if (events.state(i) == TaskState.BLOCKED && events.point(i) != EventColumns.NO_POINT) {
        open.put(events.task(i), new Open(events.point(i), events.time(i)));
      }
    }
    return durations;
  }
}
