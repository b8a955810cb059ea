package dev.asyncinspect.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Map;

/**
 * The forked side of the benchmark: analyzes one dump a number of times in a fresh JVM and prints
 * one {@code key=value} line per iteration, then the heap the last result retains. The first
 * iteration is a cold start, what a user of {@code async-inspect analyze} gets; the later ones show
 * the JIT-compiled speed.
 */
public final class AnalyzeOnce {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private AnalyzeOnce() {}

  public static void main(String[] args) throws IOException {
    Path dump = Path.of(args[0]);
    int iterations = Integer.parseInt(args[1]);
    HeapProbe heap = new HeapProbe();
    FullAnalysis.Result last = null;
    for (int i = 0; i < iterations; i++) {
      last = null;
      heap.reset();
      long threadCpu = THREADS.getCurrentThreadCpuTime();
      long processCpu = PROCESS.getProcessCpuTime();
      FullAnalysis.Result result = FullAnalysis.run(dump);
      StringBuilder line = new StringBuilder("iteration=").append(i);
      line.append(" totalNanos=").append(result.totalNanos());
      // CPU time: what the work cost, whatever else ran on the (shared, noisy) machine. Process
      // time includes the collector's and the JIT compiler's threads.
      line.append(" threadCpuNanos=").append(THREADS.getCurrentThreadCpuTime() - threadCpu);
      line.append(" processCpuNanos=").append(PROCESS.getProcessCpuTime() - processCpu);
      for (Map.Entry<String, Long> phase : result.phaseNanos().entrySet()) {
        line.append(' ').append(phase.getKey()).append("Nanos=").append(phase.getValue());
      }
      line.append(" events=").append(result.dump().events().size());
      line.append(" tasks=").append(result.dump().tasks().size());
      line.append(" poolPeakBytes=").append(heap.poolPeaks());
      line.append(" liveAfterGcBytes=").append(heap.maxLiveAfterGc());
      line.append(" reportLines=").append(result.reportLines());
      System.out.println(line);
      last = result;
    }
    long retained = HeapProbe.retained();
    System.out.println("retainedBytes=" + retained + " events=" + last.dump().events().size());
  }
}
