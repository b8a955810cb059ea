package dev.asyncinspect.analyzer.dump;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A fixed ASCII text the fast paths look for in a line (a record's start, a field's name, an enum
 * constant), compared eight bytes at a time. A command runs mostly on code compiled by C1, which
 * compares a byte a nanosecond in a loop; eight bytes read as one {@code long} cost about as much
 * as one byte (docs/performance.md).
 */
final class Key {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] bytes;
  // The text's bytes as longs: at 0, 8, 16, ..., and the last eight (which may overlap the one
  // before). A text shorter than eight bytes is one long, its bytes in the low ones of mask.
  private final long[] words;
  private final long mask;

  private Key(byte[] bytes) {
    this.bytes = bytes;
    int n = bytes.length;
    if (n >= 8) {
      words = new long[(n + 7) / 8];
      for (int i = 0; i < words.length - 1; i++) {
        words[i] = (long) LONGS.get(bytes, 8 * i);
      }
      words[words.length - 1] = (long) LONGS.get(bytes, n - 8);
      mask = -1L;
    } else {
      byte[] padded = java.util.Arrays.copyOf(bytes, 8);
      words = new long[] {(long) LONGS.get(padded, 0)};
      mask = n == 0 ? 0 : -1L >>> (64 - 8 * n);
    }
  }

  static Key of(String text) {
    return new Key(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** The number of bytes. */
  int length() {
    return bytes.length;
  }

  /** The first byte; the text must not be empty. */
  byte first() {
    return bytes[0];
  }

  /**
   * Whether the text is at {@code line[at..]}, ending at or before {@code limit}; reads nothing at
   * or past {@code limit}, which must not be past the array's end.
   */
  boolean isAt(byte[] line, int at, int limit) {
    int n = bytes.length;
    if (limit - at < n) {
      return false;
    }
    if (n >= 8) {
      long[] w = words;
      int last = w.length - 1;
      for (int i = 0; i < last; i++) {
        if ((long) LONGS.get(line, at + 8 * i) != w[i]) {
          return false;
        }
      }
      return (long) LONGS.get(line, at + n - 8) == w[last];
    }
    if (limit - at >= 8) {
      return ((long) LONGS.get(line, at) & mask) == words[0];
    }
    for (int i = 0; i < n; i++) {
      if (line[at + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
