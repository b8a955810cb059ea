package dev.asyncinspect.analyzer.analysis;

import java.util.List;
import java.util.Locale;

/** Numbers as the text renderings show them: counts with their noun, shares as percentages. */
final class Words {
  private Words() {}

  /** {@code 1 call}, {@code 3 calls}. */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /**
   * {@code 17%}; {@code <1%} for a share above 0 that rounds to 0; {@code >999%} from 10 on (many
   * overlapping tasks), where the exact figure no longer helps a reader and would widen the line.
   */
  static String percent(double share) {
    long rounded = Math.round(share * 100);
    if (rounded == 0 && share > 0) {
      return "<1%";
    }
    return rounded > 999 ? ">999%" : rounded + "%";
  }

  /**
   * A count in at most 6 characters, for table columns: {@code 99999}, then {@code 123k}, {@code
   * 1.2M}, {@code 12M}, {@code 1.2G}.
   */
  static String compactCount(long count) {
    if (count < 100_000) {
      return Long.toString(count);
    }
    String[] units = {"k", "M", "G", "T", "P", "E"};
    double value = count;
    int unit = -1;
    while (value >= 999.5 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return value < 9.95
        ? String.format(Locale.ROOT, "%.1f%s", value, units[unit])
        : Math.round(value) + units[unit];
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String and(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
