package dev.asyncinspect.analyzer.dump;

import java.util.Arrays;

/**
 * A map from {@code long} keys to non-negative {@code int} positions, in two arrays (open
 * addressing, linear probing): the task ids of a dump to their place in its task list, or to their
 * node in a graph. A {@code HashMap<Long, ...>} costs a node and a boxed key per task, objects the
 * collector must trace and copy while the dump is read: for a million tasks, two such maps (one to
 * find duplicates while reading, one to look tasks up) were a quarter of the reader's live objects
 * (docs/performance.md).
 */
public final class LongIndex {
  private static final int NONE = -1;
  private static final long MIX = 0x9E3779B97F4A7C15L;
  private static final int BLOCK_BITS = 4;
  private static final int MIN_CAPACITY = 1 << (BLOCK_BITS + 1);

  private long[] keys;
  private int[] positions; // NONE for an empty slot
  private int size;
  private int shift; // 64 - log2(capacity / BLOCK)

  /** An empty index that holds {@code expected} keys before it grows. */
  public LongIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY / 2, expected) * 2 - 1) << 1;
    allocate(capacity);
  }

  /** The number of keys. */
  public int size() {
    return size;
  }

  /** The position of {@code key}, or -1 when it has none. */
  public int get(long key) {
    int mask = positions.length - 1;
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      int position = positions[slot];
      if (position == NONE || keys[slot] == key) {
        return position;
      }
    }
  }

  /**
   * Gives {@code key} the position unless it has one already; returns whether it did. {@code
   * position} must be at least 0.
   */
  public boolean putIfAbsent(long key, int position) {
    if (position < 0) {
      throw new IllegalArgumentException("position " + position);
    }
    int mask = positions.length - 1;
    int slot = slot(key);
    while (positions[slot] != NONE) {
      if (keys[slot] == key) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    positions[slot] = position;
    if (++size > positions.length / 2) {
      grow();
    }
    return true;
  }

  /**
   * Keys of one block of {@code 2^BLOCK_BITS} go to adjacent slots, blocks to slots spread by a
   * multiplicative hash: the agent numbers tasks in order, so adding and looking up the ids of a
   * dump then walks the arrays nearly in order, where a hash of each key would miss the cache on
   * nearly every one; and keys that share their low bits still spread.
   */
  private int slot(long key) {
    int block = (int) (((key >>> BLOCK_BITS) * MIX) >>> shift);
    return (block << BLOCK_BITS) | (int) (key & ((1 << BLOCK_BITS) - 1));
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    positions = new int[capacity];
    Arrays.fill(positions, NONE);
    shift = 64 - Integer.numberOfTrailingZeros(capacity) + BLOCK_BITS;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldPositions = positions;
    allocate(oldPositions.length * 2);
    int mask = positions.length - 1;
    for (int i = 0; i < oldPositions.length; i++) {
      if (oldPositions[i] != NONE) {
        int slot = slot(oldKeys[i]);
        while (positions[slot] != NONE) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        positions[slot] = oldPositions[i];
      }
    }
  }
}
