package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bucket scheme as docs/dump-format.md states it. */
class HistogramTest {

  /** Bucket bounds per the documented formula. */
  private static long low(int bucket) {
    return bucket < 4 ? bucket : (4L + bucket % 4) << (bucket / 4 - 1);
  }

  private static long high(int bucket) {
    return bucket < 4 ? bucket + 1 : (5L + bucket % 4) << (bucket / 4 - 1);
  }

  @Test
  void everyValueFallsInTheBucketWhoseDocumentedBoundsHoldIt() {
    long[] samples = {
      0,
      1,
      2,
      3,
      4,
      5,
      7,
      8,
      9,
      10,
      11,
      12,
      15,
      16,
      1000,
      1023,
      1024,
      123_456_789,
      Long.MAX_VALUE / 3,
      Long.MAX_VALUE
    };
    for (long d : samples) {
      int b = Histogram.bucket(d);
      assertThat(b).as("bucket of %d", d).isBetween(0, Histogram.BUCKETS - 1);
      assertThat(d).as("value %d in bucket %d", d, b).isGreaterThanOrEqualTo(low(b));
      if (b < Histogram.BUCKETS - 1) {
        assertThat(d).as("value %d in bucket %d", d, b).isLessThan(high(b));
      }
    }
  }

  @Test
  void bucketsAreContiguousAndAtMostAQuarterWide() {
    for (int b = 4; b < Histogram.BUCKETS - 1; b++) {
      assertThat(low(b + 1)).isEqualTo(high(b));
      assertThat((double) (high(b) - low(b)) / low(b)).isLessThanOrEqualTo(0.25);
      assertThat(Histogram.bucket(low(b))).isEqualTo(b);
      assertThat(Histogram.bucket(high(b) - 1)).isEqualTo(b);
    }
  }

  @Test
  void negativeDurationsCountAsZero() {
    assertThat(Histogram.bucket(-5)).isZero();
  }
}
