package dev.asyncinspect.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DurationFormat} computes in integers what it used to get from {@code String.format}; this
 * checks the two agree, on random durations and around every rounding boundary.
 */
class DurationFormatEquivalenceTest {

  /** The former implementation, kept as the oracle. */
  private static String reference(long nanos) {
    if (nanos < 1_000) {
      return Math.max(0, nanos) + "ns";
    }
    if (nanos < 999_500) {
      return scaled(nanos, 1_000, "us");
    }
    if (nanos < 999_500_000) {
      return scaled(nanos, 1_000_000, "ms");
    }
    if (nanos < 59_500_000_000L) {
      return scaled(nanos, 1_000_000_000, "s");
    }
    long seconds = nanos / 1_000_000_000 + (nanos % 1_000_000_000 >= 500_000_000 ? 1 : 0);
    if (seconds < 3_600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%dh%02dm", seconds / 3_600, seconds % 3_600 / 60);
    }
    return String.format(Locale.ROOT, "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3_600);
  }

  private static String scaled(long nanos, long unit, String suffix) {
    double value = (double) nanos / unit;
    return value < 9.95
        ? String.format(Locale.ROOT, "%.1f%s", value, suffix)
        : Math.round(value) + suffix;
  }

  @Test
  void agreesWithStringFormatOnRandomDurations() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      // Spread over every magnitude, from nanoseconds to centuries.
      long nanos = random.nextLong(1L << random.nextInt(1, 63));
      assertThat(DurationFormat.format(nanos)).as("%d ns", nanos).isEqualTo(reference(nanos));
    }
  }

  @Test
  void agreesAroundEveryRoundingBoundary() {
    for (long unit : new long[] {1_000, 1_000_000, 1_000_000_000}) {
      for (long tenths = 10; tenths <= 10_000; tenths++) {
        long boundary = tenths * unit / 10 - unit / 20; // x.x5 in the unit
        for (long nanos = boundary - 2; nanos <= boundary + 2; nanos++) {
          assertThat(DurationFormat.format(nanos)).as("%d ns", nanos).isEqualTo(reference(nanos));
        }
      }
    }
  }
}
