package dev.asyncinspect.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users type them on the command line: a number and a unit, {@code 500ms}, {@code 5s},
 * {@code 1.5s}, {@code 2m}, {@code 250us}, {@code 1h}, {@code 1d}; {@code 0} needs no unit. The
 * units are the ones the reports print, ASCII {@code us} for microseconds included.
 */
final class Durations {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /**
   * The duration in nanoseconds.
   *
   * @throws IllegalArgumentException with a message for users when the text is not a duration
   */
  static long parseNanos(String text) {
    Matcher matcher = DURATION.matcher(text.strip());
    if (!matcher.matches()) {
      throw invalid(text);
    }
    BigDecimal number = new BigDecimal(matcher.group(1));
    String unit = matcher.group(2);
    if (unit == null) {
      if (number.signum() != 0) {
        throw invalid(text);
      }
      return 0;
    }
    long nanosPerUnit =
        switch (unit.toLowerCase(Locale.ROOT)) {
          case "ns" -> 1L;
          case "us" -> 1_000L;
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          default -> 86_400_000_000_000L;
        };
    BigDecimal nanos = number.multiply(BigDecimal.valueOf(nanosPerUnit));
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("duration '" + text + "' is too long");
    }
    return nanos.longValue();
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid duration '"
            + text
            + "': expected a number and a unit (ns, us, ms, s, m, h, d), like 500ms, 5s or 2m");
  }
}
