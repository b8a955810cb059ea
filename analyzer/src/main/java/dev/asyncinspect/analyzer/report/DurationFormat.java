package dev.asyncinspect.analyzer.report;

import java.util.Locale;

/**
 * Durations for people: {@code 850ns}, {@code 1.5us}, {@code 12ms}, {@code 2.5s}, {@code 2m05s},
 * {@code 1h02m}, {@code 3d04h}. Two or three significant digits are enough to tell a stuck task
 * from a slow one, and keep report lines short. ASCII only ({@code us}, not {@code µs}), as reports
 * end up in CI logs and terminals of every encoding.
 */
public final class DurationFormat {
  private DurationFormat() {}

  /** Formats a duration in nanoseconds; negative durations read as 0. */
  public static String format(long nanos) {
    if (nanos < 1_000) {
      return Math.max(0, nanos) + "ns";
    }
    // Each unit is used up to where rounding would show 1000 of it, so 999_700ns is 1.0ms.
    if (nanos < 999_500) {
      return scaled(nanos, 1_000, "us");
    }
    if (nanos < 999_500_000) {
      return scaled(nanos, 1_000_000, "ms");
    }
    if (nanos < 59_500_000_000L) {
      return scaled(nanos, 1_000_000_000, "s");
    }
    // Rounded to the second without adding first: nanos + half a second may overflow.
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
}
