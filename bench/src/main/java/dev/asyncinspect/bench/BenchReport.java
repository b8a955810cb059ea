package dev.asyncinspect.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the benchmark's results as Markdown: one row per forked JVM, then the verdict. */
final class BenchReport {
  private BenchReport() {}

  static void print(List<ForkedRun.Output> outputs, BenchOptions options) {
    System.out.println();
    System.out.println(
        "| run | cold: read + analyses | cold events/s | cold, per CPU second | warm (best)"
            + " | warm events/s | heap: pool peaks | heap: live after GC | retained |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    List<Double> coldRates = new ArrayList<>();
    long worstPeak = 0;
    int run = 0;
    for (ForkedRun.Output output : outputs) {
      Map<String, Long> cold = output.iterations().get(0);
      Map<String, Long> warm =
          output.iterations().stream()
              .skip(output.iterations().size() > 1 ? 1 : 0)
              .min(Comparator.comparingLong(i -> i.get("totalNanos")))
              .orElseThrow();
      long events = cold.get("events");
      coldRates.add(rate(events, cold.get("totalNanos")));
      long peak =
          output.iterations().stream().mapToLong(i -> i.get("poolPeakBytes")).max().orElse(0);
      long live =
          output.iterations().stream().mapToLong(i -> i.get("liveAfterGcBytes")).max().orElse(0);
      worstPeak = Math.max(worstPeak, peak);
      System.out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s | %s | %s | %s | %s |%n",
          ++run,
          seconds(cold.get("totalNanos")),
          millions(rate(events, cold.get("totalNanos"))),
          millions(rate(events, cold.get("processCpuNanos"))),
          seconds(warm.get("totalNanos")),
          millions(rate(events, warm.get("totalNanos"))),
          mebibytes(peak),
          mebibytes(live),
          mebibytes(output.retained().getOrDefault("retainedBytes", 0L)));
    }
    System.out.println();
    Map<String, Long> first = outputs.get(0).iterations().get(0);
    System.out.println("cold phases of run 1: " + phases(first));
    System.out.printf(
        Locale.ROOT,
        "CPU of run 1, cold: %s on the main thread, %s in the whole JVM (collector and JIT"
            + " compiler included)%n",
        seconds(first.get("threadCpuNanos")),
        seconds(first.get("processCpuNanos")));
    coldRates.sort(Double::compare);
    double median = coldRates.get(coldRates.size() / 2);
    System.out.printf(
        Locale.ROOT,
        "median cold rate %s events/s: %s the target of %s on one core;"
            + " largest pool-peak sum %s: %s the %s target (and every run fitted in -Xmx%s)%n",
        millions(median),
        median >= AnalyzerBenchmark.TARGET_EVENTS_PER_SECOND ? "meets" : "MISSES",
        millions(AnalyzerBenchmark.TARGET_EVENTS_PER_SECOND),
        mebibytes(worstPeak),
        worstPeak < AnalyzerBenchmark.TARGET_HEAP_BYTES ? "under" : "NOT under",
        mebibytes(AnalyzerBenchmark.TARGET_HEAP_BYTES),
        options.maxHeap);
  }

  private static String phases(Map<String, Long> iteration) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> entry : iteration.entrySet()) {
      String key = entry.getKey();
      if (key.endsWith("Nanos") && !key.endsWith("CpuNanos") && !key.equals("totalNanos")) {
        parts.add(key.substring(0, key.length() - 5) + " " + seconds(entry.getValue()));
      }
    }
    return String.join(", ", parts);
  }

  static double rate(long events, long nanos) {
    return events / (nanos / 1e9);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  static String millions(double rate) {
    return String.format(Locale.ROOT, "%.2f M", rate / 1e6);
  }

  static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }
}
