package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.IdBits;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of one traced method's finished calls.
 *
 * @param method the method
 * @param durations count, failures and the distribution of the calls' durations
 * @param cancelled calls that ended {@code CANCELLED}
 * @param runningNanos time the finished calls spent {@code RUNNING}
 * @param blockedNanos time they spent {@code BLOCKED} at await points
 * @param suspendedNanos time they spent {@code SUSPENDED} (returned, future not yet complete)
 * @param live calls of the method not finished at dump time (not counted above)
 * @param source where the numbers come from
 */
public record MethodStatistics(
    MethodInfo method,
    DurationSummary durations,
    long cancelled,
    long runningNanos,
    long blockedNanos,
    long suspendedNanos,
    long live,
    StatsSource source) {

  /** Every method of the dump, the one with the most total time first (then by method id). */
  static List<MethodStatistics> of(Dump dump) {
    Map<Integer, StatsInfo> stats = new HashMap<>();
    for (StatsInfo record : dump.methodStats()) {
      stats.putIfAbsent(record.id(), record);
    }
    // The tasks of a method are gathered only where no record has its statistics; its live tasks
    // are counted for all. A dump may hold a million tasks, and nearly all methods have a record.
    IdBits recorded = IdBits.of(stats.keySet());
    Map<Integer, List<TaskInfo>> tasks = new HashMap<>();
    Map<Integer, Long> live = new HashMap<>();
    for (TaskInfo task : dump.tasks()) {
      // methodStats counts the method's own calls; SPAWNED tasks are work it handed off.
      if (task.kind() == TaskKind.SPAWNED) {
        continue;
      }
      if (!task.state().terminal()) {
        live.merge(task.method(), 1L, Long::sum);
      }
      if (!recorded.contains(task.method())) {
        tasks.computeIfAbsent(task.method(), id -> new ArrayList<>()).add(task);
      }
    }
    List<MethodStatistics> all = new ArrayList<>();
    for (MethodInfo method : dump.methods().values()) {
      long liveTasks = live.getOrDefault(method.id(), 0L);
      StatsInfo record = stats.get(method.id());
      all.add(
          record != null
              ? fromAgent(method, record, liveTasks)
              : fromTasks(method, tasks.getOrDefault(method.id(), List.of()), liveTasks));
    }
    all.sort(
        Comparator.comparingLong((MethodStatistics m) -> m.durations().totalNanos())
            .reversed()
            .thenComparingInt(m -> m.method().id()));
    return all;
  }

  private static MethodStatistics fromAgent(MethodInfo method, StatsInfo stats, long live) {
    return new MethodStatistics(
        method,
        DurationSummary.of(stats),
        stats.cancelled(),
        stats.runningNanos(),
        stats.blockedNanos(),
        stats.suspendedNanos(),
        live,
        StatsSource.AGENT);
  }

  private static MethodStatistics fromTasks(MethodInfo method, List<TaskInfo> tasks, long live) {
    FinishedTasks sums = FinishedTasks.of(tasks);
    return new MethodStatistics(
        method,
        sums.summary(),
        sums.cancelled,
        sums.runningNanos,
        sums.blockedNanos,
        sums.suspendedNanos,
        live,
        StatsSource.DUMP);
  }
}
