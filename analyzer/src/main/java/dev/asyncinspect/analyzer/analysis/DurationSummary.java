package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Histogram;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Count, failures and the distribution of the durations of finished calls or waits. Percentiles
 * come from the log-linear histogram (each at most 25 % above the true value, never below it),
 * capped at the longest duration actually seen.
 *
 * @param count finished calls or waits
 * @param failed those that ended by an exception
 * @param totalNanos the sum of their durations
 * @param p50Nanos the median
 * @param p95Nanos the 95th percentile
 * @param p99Nanos the 99th percentile
 * @param maxNanos the longest
 */
public record DurationSummary(
    long count,
    long failed,
    long totalNanos,
    long p50Nanos,
    long p95Nanos,
    long p99Nanos,
    long maxNanos) {

  /** Nothing finished. */
  public static final DurationSummary EMPTY = new DurationSummary(0, 0, 0, 0, 0, 0, 0);

  /** From the agent's aggregate. */
  static DurationSummary of(StatsInfo stats) {
    return new DurationSummary(
        stats.count(),
        stats.failed(),
        stats.totalNanos(),
        stats.percentile(50),
        stats.percentile(95),
        stats.percentile(99),
        stats.maxNanos());
  }

  /** From single durations, put into the same histogram buckets as the agent's. */
  static DurationSummary of(List<Long> durations, long failed) {
    if (durations.isEmpty()) {
      return new DurationSummary(0, failed, 0, 0, 0, 0, 0);
    }
    Map<Integer, Long> counts = new TreeMap<>();
    long total = 0;
    long max = 0;
    for (long duration : durations) {
      long nanos = Math.max(0, duration);
      counts.merge(Histogram.bucketOf(nanos), 1L, Long::sum);
      total += nanos;
      max = Math.max(max, nanos);
    }
    List<Histogram.Bucket> buckets = new ArrayList<>();
    counts.forEach((index, count) -> buckets.add(new Histogram.Bucket(index, count)));
    Histogram histogram = new Histogram(buckets);
    return new DurationSummary(
        durations.size(),
        failed,
        total,
        Math.min(max, histogram.valueAtPercentile(50)),
        Math.min(max, histogram.valueAtPercentile(95)),
        Math.min(max, histogram.valueAtPercentile(99)),
        max);
  }
}
