package dev.asyncinspect.analyzer.dump;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes equal values read from many lines one object: the stack frames of failed tasks and of
 * threads, which repeat from stack to stack. For a million tasks of which 2 % failed, their frames
 * were 1.5 million objects (a frame and its three strings) the collector copied while the dump was
 * read, of a few thousand distinct ones (docs/performance.md). Holds at most {@value #MAX} values;
 * past that, values are kept as read.
 */
final class Interner {
  private static final int MAX = 1 << 16;

  private final Map<Object, Object> known = new HashMap<>();

  /** The first value read equal to {@code value}, or {@code value}. */
  @SuppressWarnings("unchecked")
  <T> T intern(T value) {
    Object first = known.get(value);
    if (first != null) {
      return (T) first;
    }
    if (known.size() < MAX) {
      known.put(value, value);
    }
    return value;
  }
}
