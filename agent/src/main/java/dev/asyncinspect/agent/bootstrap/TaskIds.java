package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Task ids, handed out in blocks per {@link Stripes stripe}, so that tasks starting on different
 * cores do not update one counter (a shared counter was the dearest single part of a task's cost
 * when two cores started tasks at once).
 *
 * <p>Assumptions and guarantees:
 *
 * <ol>
 *   <li>Ids are unique, start at 1, and increase along each thread (a thread keeps its stripe); a
 *       single thread's tasks are numbered 1, 2, 3, ... Tasks started on different stripes are not
 *       numbered in start order: a stripe that records little uses its block long after others took
 *       later ones. Dumps write tasks in start order ({@link DumpWriter}).
 *   <li>Lock-free: a compare-and-set loop on the stripe's own counter; a stripe takes a new block
 *       from the shared counter once every {@link #BLOCK} tasks. A block lost in a race between two
 *       threads of one stripe leaves a gap in the ids, and is not counted. The stripe's owner
 *       ({@link Stripes#ownedByCurrentThread}) has a counter of its own, which only it writes, with
 *       plain stores.
 *   <li>{@link #issued} is exact when no block is being taken while it reads, else short by at most
 *       a block per stripe taking one.
 * </ol>
 */
final class TaskIds {
  static final int BLOCK = 256;

  /**
   * Longs per stripe in {@link #cells}: a cache line and more, so stripes share none (stripe s at
   * {@code (s + 1) * STRIDE}: none shares the line of the array's length either, which every access
   * reads).
   */
  private static final int STRIDE = 16;

  private static final int CURSOR = 0;
  private static final int BLOCKS = 1;

  /**
   * Per stripe, shared and then its owner's (stripe s's owner at {@code (COUNT + s + 1) * STRIDE}):
   * the next raw id to hand out (a multiple of {@link #BLOCK} once the block is used up, and 0
   * before the first), and how many blocks it has taken.
   */
  private final AtomicLongArray cells = new AtomicLongArray((2 * Stripes.COUNT + 1) * STRIDE);

  /** The first raw id of the next block to take. */
  private final AtomicLong nextBlock = new AtomicLong();

  /** A new task id for a task started on {@code stripe}. */
  long next(int stripe) {
    if (Stripes.ownedByCurrentThread(stripe)) {
      return nextOwned((Stripes.COUNT + stripe + 1) * STRIDE);
    }
    int at = (stripe + 1) * STRIDE;
    while (true) {
      long raw = cells.get(at + CURSOR);
      if ((raw & (BLOCK - 1)) != 0) {
        if (cells.compareAndSet(at + CURSOR, raw, raw + 1)) {
          return raw + 1;
        }
      } else {
        long first = nextBlock.getAndAdd(BLOCK);
        if (cells.compareAndSet(at + CURSOR, raw, first + 1)) {
          cells.getAndIncrement(at + BLOCKS);
          return first + 1;
        }
      }
    }
  }

  /** The owner's counter at {@code at}: no other thread writes it. */
  private long nextOwned(int at) {
    long raw = cells.getPlain(at + CURSOR);
    if ((raw & (BLOCK - 1)) != 0) {
      cells.setOpaque(at + CURSOR, raw + 1);
      return raw + 1;
    }
    long first = nextBlock.getAndAdd(BLOCK);
    cells.setOpaque(at + CURSOR, first + 1);
    cells.setOpaque(at + BLOCKS, cells.getPlain(at + BLOCKS) + 1);
    return first + 1;
  }

  /** How many ids were handed out so far. */
  long issued() {
    long issued = 0;
    for (int s = 0; s < 2 * Stripes.COUNT; s++) {
      int at = (s + 1) * STRIDE;
      long blocks = cells.get(at + BLOCKS);
      long raw = cells.get(at + CURSOR);
      if (blocks > 0) {
        long inBlock = raw & (BLOCK - 1);
        issued += (blocks - 1) * BLOCK + (inBlock == 0 ? BLOCK : inBlock);
      }
    }
    return issued;
  }
}
