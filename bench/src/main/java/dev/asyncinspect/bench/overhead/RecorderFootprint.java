package dev.asyncinspect.bench.overhead;

import dev.asyncinspect.bench.VirtualThreads;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutorService;

/**
 * The recorder's memory whatever the task count: runs virtual-thread fan-outs ({@link
 * TracedCalls#fanOut}, each 16 virtual threads running a traced call, so 33 tasks) and prints the
 * heap in use after a full collection at growing task counts. Run once without and once with the
 * agent ({@code bench/run-overhead-bench footprint}); with the agent the heap must level off once
 * its bounded tables are full. JDK 21+.
 */
public final class RecorderFootprint {
  public static void main(String[] args) throws Throwable {
    ExecutorService virtual = VirtualThreads.perTaskExecutor();
    TracedCalls traced = new TracedCalls();
    long tasksPerFanOut = 2L * TracedCalls.FAN_OUT + 1;
    long done = 0;
    long sink = 0;
    String label = args.length > 0 ? args[0] : "?";
    for (long checkpoint : new long[] {10_000, 100_000, 1_000_000, 3_000_000}) {
      while (done < checkpoint) {
        sink += traced.fanOut(virtual);
        done += tasksPerFanOut;
      }
      System.out.printf(
          "%s: %,d tasks, heap in use after a full GC: %.1f MiB%n",
          label, done, usedAfterGc() / 1048576.0);
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private RecorderFootprint() {}
}
