package dev.asyncinspect.agent.bootstrap;

/**
 * The buckets of the histograms of durations in nanoseconds that {@link Stats} keeps: log-linear,
 * four buckets per power of two, so each bucket is at most 25 % wide. The bucket scheme is part of
 * the dump format (docs/dump-format.md, "Histogram buckets").
 */
final class Histogram {
  static final int BUCKETS = 248;

  static int bucket(long nanos) {
    if (nanos < 4) {
      return nanos <= 0 ? 0 : (int) nanos;
    }
    int log2 = 63 - Long.numberOfLeadingZeros(nanos);
    int sub = (int) (nanos >>> (log2 - 2)) & 3;
    return 4 * (log2 - 1) + sub;
  }

  private Histogram() {}
}
