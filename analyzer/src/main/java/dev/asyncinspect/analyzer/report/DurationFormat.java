package dev.asyncinspect.analyzer.report;

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
      return seconds / 60 + "m" + twoDigits(seconds % 60) + "s";
    }
    if (seconds < 86_400) {
      return seconds / 3_600 + "h" + twoDigits(seconds % 3_600 / 60) + "m";
    }
    return seconds / 86_400 + "d" + twoDigits(seconds % 86_400 / 3_600) + "h";
  }

  /**
   * {@code nanos / unit} with one decimal below 9.95, else rounded to a whole number, both half up:
   * what {@code String.format("%.1f")} and {@code Math.round} give, in integer arithmetic (exact,
   * as the quotient is a short decimal). {@code String.format} parses its pattern on every call,
   * which made reports of thousands of durations slow (docs/performance.md).
   */
  private static String scaled(long nanos, long unit, String suffix) {
    // nanos < 59.5e9 here, so neither product can overflow.
    if (nanos * 20 < 199 * unit) {
      long tenths = (nanos * 10 + unit / 2) / unit;
      return tenths / 10 + "." + tenths % 10 + suffix;
    }
    return (nanos + unit / 2) / unit + suffix;
  }

  private static String twoDigits(long value) {
    return value < 10 ? "0" + value : Long.toString(value);
  }
}
