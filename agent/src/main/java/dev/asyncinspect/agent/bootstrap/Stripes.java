package dev.asyncinspect.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stripes of the recorder's shared counters and event ring, one per core as far as it can tell, so
 * that threads on different cores do not update the same cache lines (each such update waits for
 * the line to come over from the other core, and that, not the atomic instruction itself, was most
 * of what recording cost under load).
 *
 * <p>A thread's stripe is chosen once, when the agent first sees the thread ({@link ThreadState}):
 * a platform thread gets the next stripe in turn; a virtual thread gets the stripe of the carrier
 * thread it runs on then, through the JDK's per-carrier thread locals (JDK 21 and later, with the
 * package exported to the agent's run-time classes when the agent starts). A virtual thread that
 * later runs on another carrier keeps its stripe: stripes are only about speed, every update to
 * them stays atomic, so threads that share a stripe are still counted exactly.
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

  /** The stripe for the current thread, {@code virtual} or not, as {@link ThreadState} asks. */
  static int forCurrentThread(boolean virtual) {
    ThreadLocal<Integer> carrier = CARRIER;
    if (!virtual || carrier == null) {
      return next();
    }
    Integer stripe = carrier.get();
    if (stripe == null) {
      stripe = next();
      carrier.set(stripe);
    }
    return stripe;
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
