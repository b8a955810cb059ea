package dev.asyncinspect.agent.bootstrap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Entries numbered from 1 in the order they are added, found by a key when they are added and by
 * number afterwards. Adding takes this table's lock (only weaving threads add); reading by number
 * takes none, so the hot path and dumps never wait.
 */
final class IdTable<T> {
  private final Map<String, T> byKey = new HashMap<>();
  private volatile Object[] byId = new Object[64];
  private volatile int count;

  /** The entry for {@code key}, made by {@code create} with the next number if there is none. */
  synchronized T getOrAdd(String key, IntFunction<T> create) {
    T entry = byKey.get(key);
    if (entry == null) {
      int id = count + 1;
      entry = create.apply(id);
      Object[] table = byId;
      if (id >= table.length) {
        table = Arrays.copyOf(table, table.length * 2);
      }
      table[id] = entry;
      byId = table;
      count = id;
      byKey.put(key, entry);
    }
    return entry;
  }

  @SuppressWarnings("unchecked")
  T get(int id) {
    Object[] table = byId;
    return id > 0 && id < table.length ? (T) table[id] : null;
  }

  int count() {
    return count;
  }
}
