package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A wait-free histogram of durations in nanoseconds with log-linear buckets: four buckets per power
 * of two, so each bucket is at most 25 % wide. The bucket scheme is part of the dump format
 * (docs/dump-format.md, "Histogram buckets").
 */
final class Histogram {
  static final int BUCKETS = 248;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long nanos) {
    counts.getAndIncrement(bucket(nanos));
  }

  long count(int bucket) {
    return counts.get(bucket);
  }

  static int bucket(long nanos) {
    if (nanos < 4) {
      return nanos <= 0 ? 0 : (int) nanos;
    }
    int log2 = 63 - Long.numberOfLeadingZeros(nanos);
    int sub = (int) (nanos >>> (log2 - 2)) & 3;
    return 4 * (log2 - 1) + sub;
  }
}
