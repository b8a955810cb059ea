package dev.asyncinspect.analyzer.dump;

/**
 * A {@code methodStats} or {@code pointStats} record: aggregates since the agent started, over
 * finished tasks (methodStats) or finished waits (pointStats).
 *
 * @param id the method id (JSON field {@code method}) or await-point id (JSON field {@code point})
 * @param count finished tasks or waits
 * @param failed tasks that ended {@code FAILED}, or waits that ended by an exception
 * @param cancelled methodStats: tasks that ended {@code CANCELLED}; 0 for pointStats
 * @param totalNanos the sum of durations
 * @param maxNanos the longest duration
 * @param runningNanos methodStats: time of the finished tasks spent running; 0 for pointStats
 * @param blockedNanos methodStats: time spent blocked; 0 for pointStats
 * @param suspendedNanos methodStats: time spent suspended; 0 for pointStats
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
