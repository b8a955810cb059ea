package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of the waits at one await point: the finished ones, and the ones going on at dump
 * time.
 *
 * @param point the await point
 * @param method the traced method that contains it, or null when the dump lacks it
 * @param waits count, failures and the distribution of the finished waits' durations
 * @param waitingNow tasks {@code BLOCKED} at the point at dump time
 * @param waitingNanos how long those have waited so far, summed
 * @param source where {@code waits} comes from
 */
public record AwaitPointStatistics(
    AwaitPointInfo point,
    MethodInfo method,
    DurationSummary waits,
    long waitingNow,
    long waitingNanos,
    StatsSource source) {

  /** The time waited at the point: finished waits plus the ongoing ones so far. */
  public long totalWaitedNanos() {
    return waits.totalNanos() + waitingNanos;
  }

  /**
   * Every await point of the dump, ranked by {@link #totalWaitedNanos()}, most first (then by point
   * id). Ongoing waits count, so that the point where a task hangs ranks high even though no wait
   * there ever finished.
   */
  static List<AwaitPointStatistics> ranked(Dump dump) {
    Map<Integer, StatsInfo> stats = new HashMap<>();
    for (StatsInfo record : dump.pointStats()) {
      stats.putIfAbsent(record.id(), record);
    }
    Map<Integer, long[]> ongoing = ongoingWaits(dump);
    Map<Integer, List<Long>> fromEvents = null;
    List<AwaitPointStatistics> all = new ArrayList<>();
    for (AwaitPointInfo point : dump.awaitPoints().values()) {
      long[] now = ongoing.getOrDefault(point.id(), new long[2]);
      MethodInfo method = dump.method(point.method());
      StatsInfo record = stats.get(point.id());
      if (record != null) {
        all.add(
            new AwaitPointStatistics(
                point, method, DurationSummary.of(record), now[0], now[1], StatsSource.AGENT));
        continue;
      }
      if (fromEvents == null) {
        fromEvents = WaitsFromEvents.durationsByPoint(dump.eventColumns());
      }
      DurationSummary waits = DurationSummary.of(fromEvents.getOrDefault(point.id(), List.of()), 0);
      all.add(new AwaitPointStatistics(point, method, waits, now[0], now[1], StatsSource.DUMP));
    }
    all.sort(
        Comparator.comparingLong(AwaitPointStatistics::totalWaitedNanos)
            .reversed()
            .thenComparingInt(p -> p.point().id()));
    return all;
  }

  /** Per point: how many tasks are blocked there at dump time, and for how long in total. */
  private static Map<Integer, long[]> ongoingWaits(Dump dump) {
    long dumpNanos = dump.header().dumpNanos();
    Map<Integer, long[]> ongoing = new HashMap<>();
    for (TaskInfo task : dump.tasks()) {
      if (task.state() == TaskState.BLOCKED && task.await() != null) {
        long[] sums = ongoing.computeIfAbsent(task.await().point(), id -> new long[2]);
        sums[0]++;
        sums[1] += Math.max(0, dumpNanos - task.await().since());
      }
    }
    return ongoing;
  }
}
