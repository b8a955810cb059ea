package dev.asyncinspect.bench;

import dev.asyncinspect.analyzer.dump.Histogram;

/** The agent's per-method or per-point aggregates, kept the way the agent keeps them. */
final class StatsTally {
  long count;
  long failed;
  long cancelled;
  long totalNanos;
  long maxNanos;
  long runningNanos;
  long blockedNanos;
  long suspendedNanos;
  final long[] buckets = new long[Histogram.MAX_BUCKET + 1];

  void add(long nanos) {
    count++;
    totalNanos += nanos;
    maxNanos = Math.max(maxNanos, nanos);
    buckets[Histogram.bucketOf(nanos)]++;
  }
}
