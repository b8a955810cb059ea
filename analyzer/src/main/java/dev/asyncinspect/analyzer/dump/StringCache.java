package dev.asyncinspect.analyzer.dump;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of a dump that repeat on many lines (a task's name is its method's, on each of its
 * tasks), made once each: a line whose bytes were seen before gets the same {@code String}, and
 * allocates nothing. Direct-mapped (a slot per hash, the last string wins), so it is bounded
 * whatever the dump holds, and a miss costs no more than making the string.
 */
final class StringCache {
  private static final int SLOTS = 1 << 10;

  private final byte[][] bytes = new byte[SLOTS][];
  private final String[] strings = new String[SLOTS];

  /** The ASCII string in {@code line[from..to)}. */
  String get(byte[] line, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + line[i];
    }
    int slot = (hash ^ (hash >>> 10) ^ (hash >>> 20)) & (SLOTS - 1);
    byte[] known = bytes[slot];
    if (known != null && Arrays.equals(known, 0, known.length, line, from, to)) {
      return strings[slot];
    }
    String string = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    bytes[slot] = Arrays.copyOfRange(line, from, to);
    strings[slot] = string;
    return string;
  }
}
