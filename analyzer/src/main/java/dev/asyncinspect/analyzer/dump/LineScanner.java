package dev.asyncinspect.analyzer.dump;

/**
 * Reads the compact JSON the agent writes, byte by byte, for the fast paths ({@link EventLine},
 * {@link TaskLine}). It accepts only a strict subset of JSON: no whitespace, integers of at most 18
 * digits without leading zeros, strings of printable ASCII without escapes. Each method returns
 * false (or null) on anything else, and the caller then leaves the line to the general parser,
 * which reads all of JSON and reports errors; so whatever the scanner accepts, the general parser
 * reads the same way.
 */
final class LineScanner {
  private byte[] line;
  private int length;
  private int at;

  /** The last integer read by {@link #number()}. */
  long number;

  /**
   * Starts on a line. One scanner serves a whole dump: allocating nothing per line matters when the
   * JIT cannot remove allocations (C1, or a short run), see docs/performance.md.
   */
  LineScanner reset(byte[] bytes, int from, int limit) {
    this.line = bytes;
    this.length = limit;
    this.at = from;
    return this;
  }

  /** Whether the next byte is {@code c}; does not move. */
  boolean peek(char c) {
    return at < length && line[at] == c;
  }

  /** Consumes {@code c} if it is next. */
  boolean skip(char c) {
    if (peek(c)) {
      at++;
      return true;
    }
    return false;
  }

  /** Consumes {@code text} if it comes next. */
  boolean expect(Key text) {
    if (!text.isAt(line, at, length)) {
      return false;
    }
    at += text.length();
    return true;
  }

  /**
   * Whether the line has been read to its end: the end of the bytes given, or a newline (when the
   * line is read in place in a buffer of several lines).
   */
  boolean atLineEnd() {
    return at == length || line[at] == '\n';
  }

  /** Where the scanner is: after a line, its end. */
  int position() {
    return at;
  }

  /** Reads an integer of at most 18 digits (so it cannot overflow) into {@link #number}. */
  boolean number() {
    byte[] bytes = line;
    int limit = length;
    int first = at;
    boolean negative = first < limit && bytes[first] == '-';
    if (negative) {
      first++;
    }
    // At most 19 digits read: one more than an integer may have, to tell that it has too many.
    int stop = limit - first > 19 ? first + 19 : limit;
    int end = first;
    long value = 0;
    while (end < stop) {
      int digit = bytes[end] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      value = value * 10 + digit;
      end++;
    }
    int digits = end - first;
    if (digits == 0 || digits > 18 || (digits > 1 && bytes[first] == '0')) {
      return false;
    }
    number = negative ? -value : value;
    at = end;
    return true;
  }

  /** {@link #number()}, and whether it fits in an {@code int}. */
  boolean intNumber() {
    return number() && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
  }

  /**
   * A quoted string of printable ASCII without escapes, or null. Names and states are such strings;
   * anything else (an escape, a non-ASCII character) goes the general way. Taken from {@code cache}
   * when it has the same bytes.
   */
  String string(StringCache cache) {
    if (!peek('"')) {
      return null;
    }
    int start = at + 1;
    for (int i = start; i < length; i++) {
      byte b = line[i];
      if (b == '"') {
        at = i + 1;
        return cache.get(line, start, i);
      }
      if (b < 0x20 || b > 0x7e || b == '\\') {
        return null;
      }
    }
    return null;
  }

  /** A quoted field name and its colon, as the bytes between the quotes; or -1. */
  int fieldName() {
    if (!peek('"')) {
      return -1;
    }
    int start = at + 1;
    for (int i = start; i < length; i++) {
      if (line[i] == '"') {
        if (i + 1 >= length || line[i + 1] != ':') {
          return -1;
        }
        at = i + 2;
        return start;
      }
      if (line[i] == '\\' || line[i] < 0x20) {
        return -1;
      }
    }
    return -1;
  }

  /** Whether the field name that {@link #fieldName()} found at {@code start} is {@code name}. */
  boolean nameIs(int start, Key name) {
    int end = at - 2; // before the closing quote and the colon
    return end - start == name.length() && name.isAt(line, start, end);
  }

  /** An enum constant written as a quoted name, or null. */
  <E extends Enum<E>> E constant(E[] values, Key[] names) {
    byte[] bytes = line;
    int from = at;
    int room = length - from;
    if (room < 2 || bytes[from] != '"') {
      return null;
    }
    for (int i = 0; i < values.length; i++) {
      Key name = names[i];
      int n = name.length();
      if (room > n + 1
          && bytes[from + 1] == name.first()
          && bytes[from + 1 + n] == '"'
          && name.isAt(bytes, from + 1, length)) {
        at = from + n + 2;
        return values[i];
      }
    }
    return null;
  }

  /** The names of an enum's constants, for {@link #constant}. */
  static Key[] names(Enum<?>[] values) {
    Key[] names = new Key[values.length];
    for (int i = 0; i < values.length; i++) {
      names[i] = Key.of(values[i].name());
    }
    return names;
  }
}
