package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.SpawnPointInfo;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of the work handed off at one spawn point ({@code executor.submit(...)}, {@code
 * supplyAsync(...)}, a thread start): its finished SPAWNED tasks, and the ones live at dump time. A
 * finished task's time is split into waiting in the queue (its duration less the time it spent
 * running, blocked or suspended) and the rest, so a pool too small for its work shows as a large
 * queued share.
 *
 * @param point the spawn point
 * @param method the traced method that contains it, or null when the dump lacks it
 * @param tasks count, failures and the distribution of the finished tasks' durations (submit to
 *     end, queue time included)
 * @param cancelled finished tasks that ended {@code CANCELLED}
 * @param queuedNanos time the finished tasks spent queued
 * @param runningNanos time they spent {@code RUNNING}
 * @param blockedNanos time they spent {@code BLOCKED}
 * @param suspendedNanos time they spent {@code SUSPENDED}
 * @param live tasks of the point not finished at dump time (not counted above)
 * @param queuedNow of those, the ones still {@code QUEUED}
 * @param source where the finished tasks' numbers come from
 */
public record SpawnPointStatistics(
    SpawnPointInfo point,
    MethodInfo method,
    DurationSummary tasks,
    long cancelled,
    long queuedNanos,
    long runningNanos,
    long blockedNanos,
    long suspendedNanos,
    long live,
    long queuedNow,
    StatsSource source) {

  /**
   * Every spawn point of the dump, the one with the most total time of finished tasks first (then
   * by live tasks, then by point id).
   */
  static List<SpawnPointStatistics> of(Dump dump) {
    Map<Integer, StatsInfo> stats = new HashMap<>();
    for (StatsInfo record : dump.spawnStats()) {
      stats.putIfAbsent(record.id(), record);
    }
    Map<Integer, List<TaskInfo>> tasks = new HashMap<>();
    for (TaskInfo task : dump.tasks()) {
      if (task.kind() == TaskKind.SPAWNED && task.spawnPoint() != null) {
        tasks.computeIfAbsent(task.spawnPoint(), id -> new ArrayList<>()).add(task);
      }
    }
    List<SpawnPointStatistics> all = new ArrayList<>();
    for (SpawnPointInfo point : dump.spawnPoints().values()) {
      List<TaskInfo> ofPoint = tasks.getOrDefault(point.id(), List.of());
      long live = 0;
      long queuedNow = 0;
      for (TaskInfo task : ofPoint) {
        live += task.state().terminal() ? 0 : 1;
        queuedNow += task.state() == TaskState.QUEUED ? 1 : 0;
      }
      MethodInfo method = dump.method(point.method());
      StatsInfo record = stats.get(point.id());
      all.add(
          record != null
              ? fromAgent(point, method, record, live, queuedNow)
              : fromTasks(point, method, ofPoint, live, queuedNow));
    }
    all.sort(
        Comparator.comparingLong((SpawnPointStatistics s) -> s.tasks().totalNanos())
            .thenComparingLong(SpawnPointStatistics::live)
            .reversed()
            .thenComparingInt(s -> s.point().id()));
    return all;
  }

  private static SpawnPointStatistics fromAgent(
      SpawnPointInfo point, MethodInfo method, StatsInfo stats, long live, long queuedNow) {
    long queued =
        stats.totalNanos() - stats.runningNanos() - stats.blockedNanos() - stats.suspendedNanos();
    return new SpawnPointStatistics(
        point,
        method,
        DurationSummary.of(stats),
        stats.cancelled(),
        Math.max(0, queued),
        stats.runningNanos(),
        stats.blockedNanos(),
        stats.suspendedNanos(),
        live,
        queuedNow,
        StatsSource.AGENT);
  }

  private static SpawnPointStatistics fromTasks(
      SpawnPointInfo point, MethodInfo method, List<TaskInfo> tasks, long live, long queuedNow) {
    FinishedTasks sums = FinishedTasks.of(tasks);
    return new SpawnPointStatistics(
        point,
        method,
        sums.summary(),
        sums.cancelled,
        sums.queuedNanos,
        sums.runningNanos,
        sums.blockedNanos,
        sums.suspendedNanos,
        live,
        queuedNow,
        StatsSource.DUMP);
  }
}
