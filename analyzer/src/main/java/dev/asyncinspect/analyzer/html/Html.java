package dev.asyncinspect.analyzer.html;

/**
 * Escaping for the HTML report. Every string that comes from the dump (task names, exception
 * messages, thread names: the application chose them) goes through {@link #text} before it is
 * written into the page, and through {@link #json} before it is written into the page's data, so
 * that no name can open a tag, close an attribute or end a script.
 */
final class Html {
  private Html() {}

  /**
   * Text safe in element content and in a double- or single-quoted attribute value: {@code & < > "
   * '} become character references; control characters other than tab, line feed and carriage
   * return (not allowed in HTML) become U+FFFD.
   */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> control(c) ? "\uFFFD" : null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(value.length() + 16).append(value, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }

  /**
   * JSON text made safe inside a {@code <script type="application/json">} element: {@code <},
   * {@code >} and {@code &} (which only occur inside JSON strings) become {@code \u003c}...
   * escapes, so that no {@code </script>} or {@code <!--} can appear; the parsed value is
   * unchanged.
   */
  static String json(String jsonText) {
    return jsonText
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }

  private static boolean control(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0);
  }
}
