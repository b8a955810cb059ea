package dev.asyncinspect.cli;

/**
 * Text cut or padded to a number of terminal columns, for the monitor's fixed-width table. Control
 * characters become {@code U+FFFD}: names come from dumps, and a dump from elsewhere must not be
 * able to send escape sequences to the terminal.
 */
final class Fit {
  static final String ELLIPSIS = "\u2026";
  private static final char REPLACEMENT = '\uFFFD';

  private Fit() {}

  /** {@code text} with each control character (C0, DEL, C1) replaced by {@code U+FFFD}. */
  static String visible(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        char[] chars = text.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (Character.isISOControl(chars[j])) {
            chars[j] = REPLACEMENT;
          }
        }
        return new String(chars);
      }
    }
    return text;
  }

  /**
   * {@code text} with each control character replaced by {@code U+FFFD} but for the colour codes
   * the reports add ({@code ESC [ digits ; ... m}), which change nothing but the colour.
   */
  static String visibleExceptColors(String text) {
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int colorEnd = c == '\u001b' ? colorCodeEnd(text, i) : -1;
      if (colorEnd > 0) {
        if (clean != null) {
          clean.append(text, i, colorEnd);
        }
        i = colorEnd - 1;
      } else if (Character.isISOControl(c)) {
        if (clean == null) {
          clean = new StringBuilder(text.length()).append(text, 0, i);
        }
        clean.append(REPLACEMENT);
      } else if (clean != null) {
        clean.append(c);
      }
    }
    return clean == null ? text : clean.toString();
  }

  /** The end of a colour code ({@code ESC [ 1 ; 31 m}) that starts at {@code at}, or -1. */
  private static int colorCodeEnd(String text, int at) {
    if (at + 2 >= text.length() || text.charAt(at + 1) != '[') {
      return -1;
    }
    for (int i = at + 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'm') {
        return i + 1;
      }
      if (c != ';' && (c < '0' || c > '9')) {
        return -1;
      }
    }
    return -1;
  }

  /** {@code text} cut to {@code width} columns, its end replaced by an ellipsis when cut. */
  static String cut(String text, int width) {
    text = visible(text);
    if (width <= 0) {
      return "";
    }
    if (text.length() <= width) {
      return text;
    }
    return text.substring(0, width - 1) + ELLIPSIS;
  }

  /** {@code text} cut to {@code width} columns from the left: {@code …Service.java:42}. */
  static String cutLeft(String text, int width) {
    text = visible(text);
    if (width <= 0) {
      return "";
    }
    if (text.length() <= width) {
      return text;
    }
    return ELLIPSIS + text.substring(text.length() - width + 1);
  }

  /** {@code text} cut to {@code width} and padded with spaces to exactly that. */
  static String pad(String text, int width) {
    String cut = cut(text, width);
    return cut + " ".repeat(width - cut.length());
  }

  /** {@code text} cut to {@code width} and padded on the left to exactly that. */
  static String padLeft(String text, int width) {
    String cut = cut(text, width);
    return " ".repeat(width - cut.length()) + cut;
  }
}
