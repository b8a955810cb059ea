package dev.asyncinspect.analyzer.dump;

import java.util.HashSet;
import java.util.Set;

/**
 * A set of ids that are at least 0 (await points, methods), as bits, for the loops over every event
 * or task of a dump. Unlike {@link java.util.BitSet#get}, {@link #contains} is small enough for C1,
 * which compiles most of a command's code, to inline into such a loop (docs/performance.md); and it
 * takes any int, negative ones not being in the set. Ids from {@value #MAX_BIT} on are kept in a
 * hash set instead, so that a dump with a huge id costs no huge array. Fixed once built.
 */
public final class IdBits {
  private static final int MAX_BIT = 1 << 22;
  private static final int MIN_WORDS = 64;

  private final long[] words;
  private final Set<Integer> large; // the ids from MAX_BIT on

  private IdBits(long[] words, Set<Integer> large) {
    this.words = words;
    this.large = large;
  }

  /** The set of {@code ids}; negative ones are left out. */
  public static IdBits of(Iterable<Integer> ids) {
    int max = -1;
    Set<Integer> large = new HashSet<>();
    for (int id : ids) {
      if (id >= MAX_BIT) {
        large.add(id);
      } else {
        max = Math.max(max, id);
      }
    }
    // Room for ids up to MIN_WORDS * 64 at least: an id past the last word costs a call.
    long[] words = new long[Math.max(MIN_WORDS, (max >> 6) + 1)];
    for (int id : ids) {
      if (id >= 0 && id < MAX_BIT) {
        words[id >> 6] |= 1L << id;
      }
    }
    return new IdBits(words, large);
  }

  /** Whether {@code id} is in the set. */
  public boolean contains(int id) {
    // A negative id gives a word past the end: no set has 2^25 words.
    return id >>> 6 < words.length ? bit(id) : isLarge(id);
  }

  private boolean isLarge(int id) {
    return id >= MAX_BIT && large.contains(id);
  }

  private boolean bit(int id) {
    return (words[id >>> 6] & (1L << id)) != 0;
  }
}
