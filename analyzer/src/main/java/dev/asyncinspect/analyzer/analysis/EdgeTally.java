package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Adds calls and waits up into {@link CallEdge}s, one per source, target and kind. A call graph
 * adds an edge per task and per wait, hundreds of thousands for a large dump, so the sums live in
 * primitive arrays behind an open-addressing table keyed by (kind, from, to), rather than in a map
 * of boxed keys (docs/performance.md).
 */
final class EdgeTally {
  private static final int EMPTY = -1;

  private int[] table = new int[64]; // slot of each entry, or EMPTY; linear probing
  private int size;
  private int[] from = new int[32];
  private int[] to = new int[32];
  private EdgeKind[] kind = new EdgeKind[32];
  private long[] count = new long[32];
  private long[] total = new long[32];
  private long[] max = new long[32];
  private long[] inferred = new long[32];

  EdgeTally() {
    Arrays.fill(table, EMPTY);
  }

  void add(int source, int target, EdgeKind edgeKind, long nanos, boolean isInferred) {
    int slot = slot(source, target, edgeKind);
    long duration = Math.max(0, nanos);
    count[slot]++;
    total[slot] += duration;
    max[slot] = Math.max(max[slot], duration);
    if (isInferred) {
      inferred[slot]++;
    }
  }

  /** The edges, calls before waits, each group by source then target method id. */
  List<CallEdge> edges() {
    List<CallEdge> edges = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      edges.add(new CallEdge(from[i], to[i], kind[i], count[i], total[i], max[i], inferred[i]));
    }
    edges.sort(
        Comparator.comparing(CallEdge::kind)
            .thenComparingInt(CallEdge::from)
            .thenComparingInt(CallEdge::to));
    return edges;
  }

  /** The entry of an edge, created empty when new. */
  private int slot(int source, int target, EdgeKind edgeKind) {
    int mask = table.length - 1;
    for (int at = hash(source, target, edgeKind) & mask; ; at = (at + 1) & mask) {
      int slot = table[at];
      if (slot == EMPTY) {
        return create(at, source, target, edgeKind);
      }
      if (from[slot] == source && to[slot] == target && kind[slot] == edgeKind) {
        return slot;
      }
    }
  }

  private int create(int at, int source, int target, EdgeKind edgeKind) {
    if (size == from.length) {
      grow();
    }
    int slot = size++;
    from[slot] = source;
    to[slot] = target;
    kind[slot] = edgeKind;
    table[at] = slot;
    if (size * 2 > table.length) {
      rehash();
    }
    return slot;
  }

  private void grow() {
    int capacity = from.length * 2;
    from = Arrays.copyOf(from, capacity);
    to = Arrays.copyOf(to, capacity);
    kind = Arrays.copyOf(kind, capacity);
    count = Arrays.copyOf(count, capacity);
    total = Arrays.copyOf(total, capacity);
    max = Arrays.copyOf(max, capacity);
    inferred = Arrays.copyOf(inferred, capacity);
  }

  private void rehash() {
    table = new int[table.length * 2];
    Arrays.fill(table, EMPTY);
    int mask = table.length - 1;
    for (int slot = 0; slot < size; slot++) {
      int at = hash(from[slot], to[slot], kind[slot]) & mask;
      while (table[at] != EMPTY) {
        at = (at + 1) & mask;
      }
      table[at] = slot;
    }
  }

  private static int hash(int source, int target, EdgeKind edgeKind) {
    long key = ((long) source << 32 | (target & 0xffffffffL)) * 31 + edgeKind.ordinal();
    long mixed = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads close ids apart
    return (int) (mixed >>> 32);
  }
}
