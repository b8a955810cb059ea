package dev.asyncinspect.analyzer.analysis;

/**
 * Text for a trace event file. Perfetto's JSON importer reads the strings of an event with a
 * scanner that rejects control characters and {@code \}{@code u} escapes, and a rejected event
 * stops the whole import; so names and arguments carry none: each control character becomes a
 * space.
 */
final class TraceText {
  private TraceText() {}

  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (clean == null) {
          clean = new StringBuilder(text);
        }
        clean.setCharAt(i, ' ');
      }
    }
    return clean == null ? text : clean.toString();
  }

  /** Strings cleaned; numbers and booleans as they are. */
  static Object cleanValue(Object value) {
    return value instanceof String text ? clean(text) : value;
  }
}
