package dev.asyncinspect.analyzer.dump;

/**
 * A {@code methodStats}, {@code pointStats} or {@code spawnStats} record: aggregates since the
 * agent started, over finished tasks (methodStats: of a method; spawnStats: SPAWNED tasks of a
 * spawn point) or finished waits (pointStats).
 *
 * @param id the method id (JSON field {@code method}), await-point id ({@code point}) or
 *     spawn-point id ({@code spawnPoint})
 * @param count finished tasks or waits
 * @param failed tasks that ended {@code FAILED}, or waits that ended by an exception
 * @param cancelled tasks that ended {@code CANCELLED}; 0 for pointStats
 * @param totalNanos the sum of durations
 * @param maxNanos the longest duration
 * @param runningNanos time of the finished tasks spent running; 0 for pointStats
 * @param blockedNanos time spent blocked; 0 for pointStats
 * @param suspendedNanos time spent suspended; 0 for pointStats
 * @param histogram the durations; never null
 */
public record StatsInfo(
    int id,
    long count,
    long failed,
    long cancelled,
    long totalNanos,
    long maxNanos,
    long runningNanos,
    long blockedNanos,
    long suspendedNanos,
    Histogram histogram) {

  public StatsInfo {
    histogram = histogram == null ? Histogram.EMPTY : histogram;
  }

  /**
   * The duration at a percentile, from the histogram, but never above {@link #maxNanos()} (a
   * bucket's highest value can exceed the longest duration actually seen).
   */
  public long percentile(double percent) {
    return Math.min(histogram.valueAtPercentile(percent), maxNanos);
  }
}
