package dev.asyncinspect.analyzer.analysis;

/**
 * The few ANSI styles the text renderings use. Callers decide whether to colour (only on a
 * terminal, and not with {@code NO_COLOR}); with {@code color} false the text is returned as is, so
 * golden files stay plain.
 */
final class Ansi {
  static final String BOLD = "1";
  static final String RED = "1;31";
  static final String YELLOW = "33";

  private Ansi() {}

  static String style(boolean color, String style, String text) {
    return color ? "\u001b[" + style + "m" + text + "\u001b[0m" : text;
  }
}
