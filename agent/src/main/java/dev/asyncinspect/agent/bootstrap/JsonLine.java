package dev.asyncinspect.agent.bootstrap;

/**
 * Builds one JSON object on one line. Just enough JSON for dumps: strings, integers, booleans,
 * nested objects and arrays, written in order; the caller is responsible for the structure.
 */
final class JsonLine {
  private final StringBuilder out = new StringBuilder(256);
  private boolean needComma;

  JsonLine begin() {
    out.setLength(0);
    out.append('{');
    needComma = false;
    return this;
  }

  String end() {
    out.append('}');
    return out.toString();
  }

  JsonLine field(String name, String value) {
    if (value != null) {
      key(name);
      string(value);
    }
    return this;
  }

  JsonLine field(String name, long value) {
    key(name);
    out.append(value);
    return this;
  }

  JsonLine field(String name, boolean value) {
    key(name);
    out.append(value);
    return this;
  }

  /** Starts a nested object value; close it with {@link #endObject()}. */
  JsonLine object(String name) {
    key(name);
    out.append('{');
    needComma = false;
    return this;
  }

  JsonLine endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  /**
   * Starts an array value; add elements with the {@code element} methods, then {@link #endArray}.
   */
  JsonLine array(String name) {
    key(name);
    out.append('[');
    needComma = false;
    return this;
  }

  JsonLine endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  JsonLine element(long value) {
    comma();
    out.append(value);
    return this;
  }

  /** Starts an array element of an array; close it with {@link #endArray()}. */
  JsonLine elementArray() {
    comma();
    out.append('[');
    needComma = false;
    return this;
  }

  /** Starts an object element of an array; close it with {@link #endObject()}. */
  JsonLine elementObject() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  private void key(String name) {
    comma();
    string(name);
    out.append(':');
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
    needComma = true;
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(value, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** True for a surrogate that is part of a well-formed pair (lone ones are escaped). */
  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
