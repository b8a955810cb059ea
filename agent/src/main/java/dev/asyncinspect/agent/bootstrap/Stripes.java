package dev.asyncinspect.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Stripes of the recorder's shared counters and event ring, one per core as far as it can tell, so
 * that threads on different cores do not update the same cache lines (each such update waits for
 * the line to come over from the other core, and that, not the atomic instruction itself, was most
 * of what recording cost under load).
 *
 * <p>A platform thread gets the next stripe in turn the first time it asks, and keeps it; a virtual
 * thread gets the stripe of the carrier thread it runs on, through the JDK's per-carrier thread
 * locals (JDK 21 and later, with the package exported to the agent's run-time classes when the
 * agent starts). A thread's tasks write to the stripe its {@link ThreadState} took when the agent
 * first saw the thread (a virtual thread that later runs on another carrier keeps it), except the
 * end of a task whose future another thread completes, which that thread writes to its own. Stripes
 * are only about speed: threads that share a stripe are still counted exactly.
 *
 * <p>Owners: the first platform thread to take each stripe owns it ({@link #ownedByCurrentThread})
 * until it ends (then the next platform thread to take it does), and the statistics and task ids
 * keep, beside each stripe's shared cells, cells that only its owner writes, with plain stores
 * instead of atomic instructions (a read-modify-write instruction costs several nanoseconds even on
 * a line the core has). Every other writer of the stripe (another platform thread that took it, a
 * virtual thread on a carrier that took it) updates its shared cells atomically, as before; readers
 * add both up.
 */
final class Stripes {
  /** How many: the cores rounded up to a power of two, at most 16. */
  static final int COUNT =
      Math.min(
          16,
          Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors() - 1) << 1));

  static final int MASK = COUNT - 1;

  private static final AtomicInteger NEXT = new AtomicInteger();

  /** A per-carrier thread local where the JDK has it and lets the agent make one, else null. */
  private static final ThreadLocal<Integer> CARRIER = carrierLocal();

  /** Where there are no per-carrier thread locals: each platform thread's stripe. */
  private static final ThreadLocal<Integer> PLATFORM = new ThreadLocal<>();

  /**
   * Per stripe, its owner, held weakly; null before a platform thread took it. Set by the owner
   * itself before it records anything, so the owner sees itself here until a thread that took the
   * stripe after it ended replaces it, and any other thread sees someone else or null.
   */
  private static final AtomicReferenceArray<WeakReference<Thread>> OWNERS =
      new AtomicReferenceArray<>(COUNT);

  /** The stripe of the thread running now. */
  static int current() {
    return forCurrentThread(ThreadRecords.isVirtual(Thread.currentThread()));
  }

  /**
   * The stripe of the thread running now, {@code virtual} or not: one per platform thread, chosen
   * in turn the first time and kept in a thread local (the per-carrier one where there is one, so
   * that a virtual thread finds its carrier's).
   */
  static int forCurrentThread(boolean virtual) {
    ThreadLocal<Integer> local = CARRIER;
    if (local == null) {
      if (virtual) {
        return next();
      }
      local = PLATFORM;
    }
    Integer stripe = local.get();
    if (stripe == null) {
      stripe = next();
      local.set(stripe);
      if (!virtual) {
        ownIfUnowned(stripe);
      }
    }
    return stripe;
  }

  /**
   * Makes the platform thread running now, which just took {@code stripe}, its owner if it has none
   * or its owner has ended: a thread that has ended writes nothing more, and seeing that it has
   * ended makes its writes visible here. One compare-and-set, so of two threads taking the stripe
   * at once only one becomes its owner.
   */
  static void ownIfUnowned(int stripe) {
    WeakReference<Thread> owner = OWNERS.get(stripe);
    Thread thread = owner == null ? null : owner.get();
    if (thread == null || !thread.isAlive()) {
      OWNERS.compareAndSet(stripe, owner, new WeakReference<>(Thread.currentThread()));
    }
  }

  /**
   * Makes the platform thread running now the owner of {@code stripe}, whatever thread owned it:
   * for tests, on statistics and ids of their own, which no other thread writes.
   */
  static void own(int stripe) {
    OWNERS.setRelease(stripe, new WeakReference<>(Thread.currentThread()));
  }

  /**
   * Whether the thread running now owns {@code stripe}, and so alone writes its owned cells. A
   * virtual thread owns none (its carrier may, but it is never the current thread then).
   */
  static boolean ownedByCurrentThread(int stripe) {
    WeakReference<Thread> owner = OWNERS.getOpaque(stripe);
    return owner != null && owner.refersTo(Thread.currentThread());
  }

  private static int next() {
    return NEXT.getAndIncrement() & MASK;
  }

  @SuppressWarnings("unchecked")
  private static ThreadLocal<Integer> carrierLocal() {
    try {
      Class<?> type = Class.forName("jdk.internal.misc.CarrierThreadLocal");
      return (ThreadLocal<Integer>)
          MethodHandles.lookup().findConstructor(type, MethodType.methodType(void.class)).invoke();
    } catch (Throwable e) {
      return null; // before JDK 21, or the package was not exported: stripes in turn
    }
  }

  private Stripes() {}
}
