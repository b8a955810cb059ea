package dev.asyncinspect.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analyzer benchmark: writes a synthetic dump (when missing), then reads and analyzes it in
 * fresh JVMs with a heap limit on one CPU ({@link ForkedRun}), and prints the events per second and
 * the heap used, as a Markdown table for docs/performance.md. Not a test: it asserts nothing and
 * the machine's noise is the reader's to judge. Options: {@link BenchOptions#USAGE}.
 */
public final class AnalyzerBenchmark {
  /** The budget: events per second on one core. */
  static final double TARGET_EVENTS_PER_SECOND = 2_000_000;

  /** The budget's heap: a dump of 10 million events analyzed in under 2 GiB. */
  static final long TARGET_HEAP_BYTES = 2L << 30;

  private AnalyzerBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options = BenchOptions.parse(args);
    if (!Files.exists(options.dump)) {
      long start = System.nanoTime();
      SyntheticDump.write(options.dump, options.events, options.tasks);
      System.out.printf(
          Locale.ROOT,
          "wrote %s: %d events, %d tasks, %.0f MiB, in %.1f s%n",
          options.dump,
          options.events,
          options.tasks,
          Files.size(options.dump) / 1048576.0,
          (System.nanoTime() - start) / 1e9);
    }
    System.out.println(machine(options));
    // --runs 0: only the command's own runs (below).
    for (BenchOptions.JitMode mode :
        options.runs > 0 ? options.jit : List.<BenchOptions.JitMode>of()) {
      List<ForkedRun.Output> outputs = new ArrayList<>();
      for (int run = 0; run < options.runs; run++) {
        ForkedRun.Output output =
            ForkedRun.run(
                options.dump, options.iterations, options.maxHeap, options.oneCpu, mode.options);
        if (!output.ok()) {
          System.out.println(
              "run " + (run + 1) + " failed with -Xmx" + options.maxHeap + ": " + output.failure());
          System.exit(1);
        }
        outputs.add(output);
      }
      System.out.println();
      System.out.println("### " + mode.label);
      BenchReport.print(outputs, options);
      if (options.minHeap) {
        System.out.println(minimumHeap(options, mode));
      }
    }
    CliBenchmark.print(options, BenchOptions.launcher());
  }

  private static String machine(BenchOptions options) throws IOException {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "machine: %d CPUs, %.0f GiB, %s %s; JVM %s %s; runs: %s, -Xmx%s; dump: %.0f MiB",
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / 1073741824.0,
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        options.oneCpu
            ? "1 CPU (taskset -c " + ForkedRun.cpu() + ", -XX:ActiveProcessorCount=1)"
            : "all CPUs",
        options.maxHeap,
        Files.size(options.dump) / 1048576.0);
  }

  /**
   * The smallest heap, in MiB, that one cold analysis fits in: going down from below {@code --xmx}
   * until a run fails.
   */
  private static String minimumHeap(BenchOptions options, BenchOptions.JitMode mode)
      throws Exception {
    int[] steps = {
      2048, 1792, 1536, 1280, 1024, 896, 768, 640, 512, 448, 384, 320, 256, 224, 192, 160, 128, 96,
      64, 48, 32
    };
    long limit = mebibytes(options.maxHeap);
    Integer smallest = null;
    String failure = null;
    for (int size : steps) {
      if (size >= limit) {
        continue;
      }
      ForkedRun.Output output =
          ForkedRun.run(options.dump, 1, size + "m", options.oneCpu, mode.options);
      if (!output.ok()) {
        failure = output.failure().lines().filter(l -> l.contains("Error")).findFirst().orElse("");
        break;
      }
      smallest = size;
    }
    return smallest == null
        ? "minimum heap: no step below -Xmx" + options.maxHeap + " fits"
        : "minimum heap: a cold analysis fits in -Xmx"
            + smallest
            + "m"
            + (failure == null ? "" : " (the next step down failed: " + failure.strip() + ")");
  }

  /** A heap size as -Xmx takes it (512m, 2g), in MiB. */
  static long mebibytes(String size) {
    String digits = size.replaceAll("[^0-9]", "");
    long value = Long.parseLong(digits);
    return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
      case 'g' -> value * 1024;
      case 'm' -> value;
      case 'k' -> value / 1024;
      default -> value >> 20;
    };
  }
}
