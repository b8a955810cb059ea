package dev.asyncinspect.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figure the budget is held to: {@code bin/async-inspect analyze DUMP} run as a user runs it,
 * each run a fresh JVM with the launcher's own options ({@link CliRun}), on one CPU, its rate
 * counted per CPU second of the whole process (JVM start-up, JIT compiler and collector included).
 * Also the command's fixed cost: {@code bin/async-inspect --version}, which starts the JVM and the
 * command line and reads no dump.
 */
final class CliBenchmark {
  private CliBenchmark() {}

  static void print(BenchOptions options, Path launcher) throws IOException, InterruptedException {
    if (!Files.isExecutable(launcher)) {
      System.out.println("no " + launcher + ": the command's own runs are left out");
      return;
    }
    List<Long> startup = new ArrayList<>();
    for (int run = 0; run < options.cliRuns; run++) {
      CliRun.Output output = CliRun.run(options.oneCpu, List.of(launcher.toString(), "--version"));
      check(output, "--version");
      startup.add(output.cpuNanos());
    }
    System.out.println();
    System.out.println(
        "### The command as a user runs it: bin/async-inspect analyze, fresh JVM each run"
            + " (launcher options, ASYNC_INSPECT_OPTS=-Xmx"
            + options.maxHeap
            + "), "
            + (options.oneCpu ? "one CPU (taskset -c " + ForkedRun.cpu() + ")" : "all CPUs"));
    System.out.println();
    System.out.println(
        "| run | wall | CPU (user + system) | events per CPU second | of the budget |");
    System.out.println("|---|---|---|---|---|");
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run < options.cliRuns; run++) {
      CliRun.Output output =
          CliRun.run(
              options.oneCpu,
              List.of(
                  "env",
                  "ASYNC_INSPECT_OPTS=-Xmx" + options.maxHeap,
                  launcher.toString(),
                  "analyze",
                  options.dump.toString()));
      check(output, "analyze");
      double rate = BenchReport.rate(options.events, output.cpuNanos());
      rates.add(rate);
      System.out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %.2f |%n",
          run + 1,
          BenchReport.seconds(output.wallNanos()),
          BenchReport.seconds(output.cpuNanos()),
          BenchReport.millions(rate),
          rate / AnalyzerBenchmark.TARGET_EVENTS_PER_SECOND);
    }
    if (rates.isEmpty()) {
      return;
    }
    rates.sort(Double::compare);
    startup.sort(Long::compare);
    double median = rates.get(rates.size() / 2);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "start-up alone (bin/async-inspect --version): median %s CPU%n",
        BenchReport.seconds(startup.get(startup.size() / 2)));
    System.out.printf(
        Locale.ROOT,
        "median %s events per CPU second: %.2f of the budget of %s on one core, %s%n",
        BenchReport.millions(median),
        median / AnalyzerBenchmark.TARGET_EVENTS_PER_SECOND,
        BenchReport.millions(AnalyzerBenchmark.TARGET_EVENTS_PER_SECOND),
        median >= AnalyzerBenchmark.TARGET_EVENTS_PER_SECOND ? "met" : "MISSED");
  }

  /** Exit code 0 or 1 (analyze's "found something"); anything else is a failed run. */
  private static void check(CliRun.Output output, String what) {
    if (output.exitCode() > 1) {
      throw new IllegalStateException(
          "async-inspect " + what + " failed with exit code " + output.exitCode());
    }
  }
}
