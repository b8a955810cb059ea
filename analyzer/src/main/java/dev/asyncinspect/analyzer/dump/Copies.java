package dev.asyncinspect.analyzer.dump;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies for the model's collections, so that no record can change after reading. */
final class Copies {
  private Copies() {}

  /** An unmodifiable copy in the same order; empty for null. */
  static <K, V> Map<K, V> orderedMap(Map<K, V> map) {
    // Map.copyOf would lose the order of the file, which is the order users expect to see.
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** An unmodifiable copy; empty for null, so that list components are never null. */
  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
