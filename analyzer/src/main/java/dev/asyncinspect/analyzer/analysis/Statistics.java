package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import java.util.List;

/**
 * Where the time goes: per traced method and per await point, the count, failures, p50/p95/p99/max
 * duration, and for methods the time running vs blocked vs suspended; the await points ranked by
 * the time waited there; per spawn point, the work handed off there and its time queued vs running.
 *
 * <p>The numbers come from the agent's {@code methodStats}, {@code pointStats} and {@code
 * spawnStats}, which cover every finished call, wait and handed-off task since the agent started,
 * also those whose tasks are no longer in the dump. For a method or point without such a record (a
 * truncated dump), they are derived from the finished tasks or the event history still in the dump
 * ({@link StatsSource#DUMP}). Cost: O(methods + points + tasks), plus one pass over the events when
 * an await point lacks its record.
 *
 * @param methods every method, the one with the most total time first
 * @param awaitPoints every await point, ranked by the time waited there, most first
 * @param spawnPoints every spawn point, the one with the most total time first
 */
public record Statistics(
    List<MethodStatistics> methods,
    List<AwaitPointStatistics> awaitPoints,
    List<SpawnPointStatistics> spawnPoints) {

  public Statistics {
    methods = List.copyOf(methods);
    awaitPoints = List.copyOf(awaitPoints);
    spawnPoints = List.copyOf(spawnPoints);
  }

  /** The statistics of a dump. */
  public static Statistics of(Dump dump) {
    return new Statistics(
        MethodStatistics.of(dump),
        AwaitPointStatistics.ranked(dump),
        SpawnPointStatistics.of(dump));
  }
}
