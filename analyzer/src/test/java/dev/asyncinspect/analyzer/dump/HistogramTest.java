package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket scheme of docs/dump-format.md, "Histogram buckets". */
class HistogramTest {

  @Test
  void smallValuesHaveABucketEach() {
    assertThat(Histogram.bucketOf(0)).isZero();
    assertThat(Histogram.bucketOf(-5)).isZero();
    for (int value = 1; value < 4; value++) {
      assertThat(Histogram.bucketOf(value)).isEqualTo(value);
      assertThat(Histogram.lowestValue(value)).isEqualTo(value);
      assertThat(Histogram.highestValue(value)).isEqualTo(value);
    }
  }

  @Test
  void bucketsFromTheFormula() {
    // d = 4: floor(log2) = 2, e = 1, m = 0: bucket 4 = [4, 5).
    assertThat(Histogram.bucketOf(4)).isEqualTo(4);
    assertThat(Histogram.bucketOf(7)).isEqualTo(7);
    // d = 8..9: e = 2, m = 0: bucket 8 = [8, 10).
    assertThat(Histogram.bucketOf(8)).isEqualTo(8);
    assertThat(Histogram.bucketOf(9)).isEqualTo(8);
    assertThat(Histogram.bucketOf(10)).isEqualTo(9);
    assertThat(Histogram.bucketOf(1_000_000)).isEqualTo(75);
    assertThat(Histogram.lowestValue(75)).isEqualTo(917_504);
    assertThat(Histogram.highestValue(75)).isEqualTo(1_048_575);
    assertThat(Histogram.bucketOf(Long.MAX_VALUE)).isEqualTo(Histogram.MAX_BUCKET);
    assertThat(Histogram.highestValue(Histogram.MAX_BUCKET)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void bucketsTileTheRangeAndAreAtMostAQuarterWide() {
    for (int bucket = 0; bucket <= Histogram.MAX_BUCKET; bucket++) {
      long low = Histogram.lowestValue(bucket);
      long high = Histogram.highestValue(bucket);
      assertThat(Histogram.bucketOf(low)).as("low of %d", bucket).isEqualTo(bucket);
      assertThat(Histogram.bucketOf(high)).as("high of %d", bucket).isEqualTo(bucket);
      if (bucket < Histogram.MAX_BUCKET) {
        assertThat(Histogram.lowestValue(bucket + 1)).as("after %d", bucket).isEqualTo(high + 1);
      }
      if (bucket >= 4) {
        assertThat((double) (high - low + 1) / low)
            .as("width of %d", bucket)
            .isLessThanOrEqualTo(0.25);
      }
    }
  }

  @Test
  void percentiles() {
    Histogram histogram =
        new Histogram(
            List.of(
                new Histogram.Bucket(8, 90),
                new Histogram.Bucket(4, 9),
                new Histogram.Bucket(75, 1)));
    assertThat(histogram.buckets()).extracting(Histogram.Bucket::index).containsExactly(4, 8, 75);
    assertThat(histogram.totalCount()).isEqualTo(100);
    assertThat(histogram.valueAtPercentile(0)).isEqualTo(4);
    assertThat(histogram.valueAtPercentile(9)).isEqualTo(4);
    assertThat(histogram.valueAtPercentile(9.5)).isEqualTo(9);
    assertThat(histogram.valueAtPercentile(99)).isEqualTo(9);
    assertThat(histogram.valueAtPercentile(99.5)).isEqualTo(1_048_575);
    assertThat(histogram.valueAtPercentile(100)).isEqualTo(1_048_575);
    assertThat(Histogram.EMPTY.valueAtPercentile(50)).isZero();
    assertThatThrownBy(() -> histogram.valueAtPercentile(101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statsPercentileNeverExceedsTheMaximumSeen() {
    Histogram histogram = new Histogram(List.of(new Histogram.Bucket(75, 2)));
    StatsInfo stats = new StatsInfo(1, 2, 0, 0, 1_900_000, 950_000, 0, 0, 0, histogram);
    assertThat(stats.percentile(50)).isEqualTo(950_000);
  }

  @Test
  void bucketOutOfRangeInADumpIsAnError() {
    assertThatThrownBy(() -> new Histogram.Bucket(248, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
