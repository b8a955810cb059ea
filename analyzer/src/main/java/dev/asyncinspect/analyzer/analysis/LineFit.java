package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fits phrases into lines of at most {@value #WIDTH} visible characters, for reports read in an
 * 80-column terminal: phrases are kept whole and a line that would grow too long continues on the
 * next one, indented. A single phrase longer than the width (a very long method name) stays whole:
 * cutting a name would hide what the line is about.
 */
final class LineFit {
  static final int WIDTH = 80;
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  private LineFit() {}

  /**
   * {@code first}, then each of {@code more} after {@code separator}, on as few lines as fit;
   * continuation lines start with {@code indent}.
   */
  static List<String> fit(String first, List<String> more, String separator, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    for (String phrase : more) {
      if (visibleLength(line) + separator.length() + visibleLength(phrase) <= WIDTH) {
        line.append(separator).append(phrase);
      } else {
        lines.add(line.toString());
        line = new StringBuilder(indent).append(phrase);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  /** The length as a terminal shows it, without ANSI colour codes. */
  static int visibleLength(CharSequence text) {
    return ANSI.matcher(text).replaceAll("").length();
  }
}
