package dev.asyncinspect.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures heap use around a piece of work, two ways, because the JVM cannot tell the true peak:
 *
 * <ul>
 *   <li><b>pool peaks</b>: the sum of each heap pool's peak use. An upper bound: the pools may peak
 *       at different moments (eden fills up just before the collection that empties it).
 *   <li><b>live after GC</b>: the most heap still in use right after any collection during the
 *       work. A lower bound on what the work needed at once.
 * </ul>
 *
 * The hard proof is the run itself: with {@code -Xmx512m} a run that needed more would fail with an
 * {@code OutOfMemoryError}.
 */
final class HeapProbe {
  private final AtomicLong maxAfterGc = new AtomicLong();
  private final Set<String> heapPools = new HashSet<>();

  HeapProbe() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (notification, handback) -> {
              if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                  notification.getType())) {
                afterGc(
                    GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData()));
              }
            },
            null,
            null);
      }
    }
  }

  private void afterGc(GarbageCollectionNotificationInfo info) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    maxAfterGc.accumulateAndGet(used, Math::max);
  }

  /** Starts a measurement: collects garbage and forgets earlier peaks. */
  void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    maxAfterGc.set(0);
  }

  /** The sum of the heap pools' peaks since {@link #reset()}. */
  long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The most heap in use after a collection since {@link #reset()}. */
  long maxLiveAfterGc() {
    return maxAfterGc.get();
  }

  /** Heap in use after a full collection now: what the caller still holds. */
  static long retained() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
