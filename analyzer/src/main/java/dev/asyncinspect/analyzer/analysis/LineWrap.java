package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps report lines to a width (80 columns: a terminal's default, and what CI logs show without
 * scrolling) at spaces; continuation lines are indented four more than the line they continue, so
 * that the eye keeps them apart from the next item. A word longer than the width stays whole. ANSI
 * colour codes take no columns.
 */
public final class LineWrap {
  /** The width reports are wrapped to. */
  public static final int WIDTH = 80;

  private static final String MORE_INDENT = "    ";

  private LineWrap() {}

  /** Adds {@code line} to {@code lines}, wrapped to {@link #WIDTH}. */
  static void add(List<String> lines, String line) {
    lines.addAll(wrap(line, WIDTH));
  }

  /** The line, wrapped to {@code width} columns. */
  public static List<String> wrap(String line, int width) {
    List<String> wrapped = new ArrayList<>();
    if (visibleLength(line) <= width) {
      wrapped.add(line);
      return wrapped;
    }
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    String continuation = " ".repeat(indent) + MORE_INDENT;
    StringBuilder current = new StringBuilder(line.substring(0, indent));
    boolean lineStart = true;
    for (String word : line.substring(indent).split(" ", -1)) {
      if (!lineStart
          && visibleLength(current) + 1 + visibleLength(word) > width
          && !word.isEmpty()) {
        wrapped.add(current.toString().stripTrailing());
        current = new StringBuilder(continuation);
        lineStart = true;
      }
      if (lineStart && word.isEmpty()) {
        continue; // no blank run at the start of a continuation line
      }
      if (!lineStart) {
        current.append(' '); // an empty word keeps a double space where the line does not break
      }
      current.append(word);
      lineStart = false;
    }
    wrapped.add(current.toString().stripTrailing());
    return wrapped;
  }

  private static int visibleLength(CharSequence text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\u001b') {
        while (i < text.length() && text.charAt(i) != 'm') {
          i++;
        }
      } else {
        length++;
      }
    }
    return length;
  }
}
