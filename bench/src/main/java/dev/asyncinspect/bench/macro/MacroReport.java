package dev.asyncinspect.bench.macro;

import dev.asyncinspect.bench.macro.MacroBench.Run;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Prints the macro benchmark as Markdown: per variant and mode, the median of each figure over the
 * rounds and its ratio to the run without an agent (the median of the per-round ratios, with their
 * range), then the budgets with PASS or MISS.
 */
public final class MacroReport {
  /** At most this share of throughput lost with async-inspect. */
  static final double MAX_LOSS = 0.03;

  /** And at most this fraction of the OpenTelemetry agent's loss on the same run. */
  static final double OTEL_FRACTION = 1.0 / 3;

  private record Figure(String name, String unit, double scale, ToDoubleFunction<Run> value) {}

  private static final List<Figure> FIGURES =
      List.of(
          new Figure("throughput", "req/s", 1, Run::throughput),
          new Figure("p50 latency", "ms", 1e-6, r -> r.p50Nanos()),
          new Figure("p99 latency", "ms", 1e-6, r -> r.p99Nanos()),
          new Figure("allocation rate", "MB/s", 1e-6, Run::allocatedBytesPerSecond),
          new Figure("allocated per request", "KB", 1e-3, Run::allocatedBytesPerRequest),
          new Figure("CPU per request", "µs", 1e-3, Run::cpuNanosPerRequest),
          new Figure("start-up to first answer", "ms", 1, r -> r.startupMillis()));

  public static void print(List<Run> runs, String baseline, PrintStream out) {
    int rounds = runs.stream().mapToInt(Run::round).max().orElse(0);
    out.printf(
        Locale.ROOT,
        "%nHTTP service under closed-loop load: %d rounds, java %s%n",
        rounds,
        System.getProperty("java.runtime.version"));
    Set<String> variants = new LinkedHashSet<>();
    Set<String> modes = new LinkedHashSet<>();
    runs.forEach(
        r -> {
          variants.add(r.variant());
          modes.add(r.mode());
        });
    List<String> verdicts = new ArrayList<>();
    for (String variant : variants) {
      out.printf(Locale.ROOT, "%n%s threads%n%n", variant);
      out.print("| figure |");
      modes.forEach(m -> out.print(" " + m + " |"));
      out.println();
      out.print("|---|");
      modes.forEach(m -> out.print("---|"));
      out.println();
      for (Figure figure : FIGURES) {
        out.printf(Locale.ROOT, "| %s (%s) |", figure.name(), figure.unit());
        for (String mode : modes) {
          double median = median(values(runs, variant, mode, figure.value())) * figure.scale();
          if (mode.equals(baseline)) {
            out.printf(Locale.ROOT, " %s |", number(median));
          } else {
            double[] ratios = ratios(runs, variant, mode, baseline, figure.value());
            out.printf(
                Locale.ROOT,
                " %s (×%.3f, %.3f to %.3f) |",
                number(median),
                median(ratios),
                min(ratios),
                max(ratios));
          }
        }
        out.println();
      }
      verdicts.addAll(cpuVerdicts(runs, variant, modes, baseline));
      double[] ours = ratios(runs, variant, "async-inspect", baseline, Run::throughput);
      if (ours.length > 0) {
        double loss = 1 - median(ours);
        verdicts.add(
            String.format(
                Locale.ROOT,
                "| %s: throughput lost with async-inspect | %.1f %% | %.1f %% | %s |",
                variant,
                100 * loss,
                100 * MAX_LOSS,
                loss <= MAX_LOSS ? "PASS" : "MISS"));
        Optional<String> otel = modes.stream().filter(m -> m.equals("opentelemetry")).findFirst();
        if (otel.isPresent()) {
          double otelLoss =
              1 - median(ratios(runs, variant, otel.get(), baseline, Run::throughput));
          boolean pass = loss <= 0 || (otelLoss > 0 && loss <= OTEL_FRACTION * otelLoss);
          verdicts.add(
              String.format(
                  Locale.ROOT,
                  "| %s: async-inspect's loss / OpenTelemetry's loss | %.1f %% / %.1f %% | at most"
                      + " 1/3 | %s |",
                  variant,
                  100 * loss,
                  100 * otelLoss,
                  pass ? "PASS" : "MISS"));
        }
      }
    }
    out.println();
    out.println("| budget | measured | limit | verdict |");
    out.println("|---|---|---|---|");
    verdicts.forEach(out::println);
    printFloor(runs, variants, modes, baseline, out);
  }

  /**
   * With the empty agent's mode: what any Java agent costs the service, and what async-inspect adds
   * to that (each the median of the per-round ratios). No verdict: the budgets are against the run
   * without an agent.
   */
  private static void printFloor(
      List<Run> runs, Set<String> variants, Set<String> modes, String baseline, PrintStream out) {
    String empty = MacroBench.EMPTY_AGENT;
    if (!modes.contains(empty)) {
      return;
    }
    out.println();
    for (String variant : variants) {
      double cpu = median(ratios(runs, variant, empty, baseline, Run::cpuNanosPerRequest)) - 1;
      double throughput = median(ratios(runs, variant, empty, baseline, Run::throughput)) - 1;
      out.printf(
          Locale.ROOT,
          "%s: the empty agent changes CPU per request by %+.1f %% and throughput by %+.1f %% (what"
              + " any Java agent costs)",
          variant,
          100 * cpu,
          100 * throughput);
      if (modes.contains("async-inspect")) {
        double ours =
            median(ratios(runs, variant, "async-inspect", empty, Run::cpuNanosPerRequest)) - 1;
        double oursThroughput =
            median(ratios(runs, variant, "async-inspect", empty, Run::throughput)) - 1;
        out.printf(
            Locale.ROOT,
            "; async-inspect against the empty agent: %+.1f %% and %+.1f %%",
            100 * ours,
            100 * oursThroughput);
      }
      out.println();
    }
  }

  /**
   * The same budgets on CPU time per request, the steadier figure on a shared machine: throughput
   * moves with whatever else runs, the CPU the service spends per request much less.
   */
  private static List<String> cpuVerdicts(
      List<Run> runs, String variant, Set<String> modes, String baseline) {
    List<String> verdicts = new ArrayList<>();
    double[] ours = ratios(runs, variant, "async-inspect", baseline, Run::cpuNanosPerRequest);
    if (ours.length == 0) {
      return verdicts;
    }
    double added = median(ours) - 1;
    verdicts.add(
        String.format(
            Locale.ROOT,
            "| %s: CPU per request added by async-inspect | %.1f %% | %.1f %% | %s |",
            variant,
            100 * added,
            100 * MAX_LOSS,
            added <= MAX_LOSS ? "PASS" : "MISS"));
    if (modes.contains("opentelemetry")) {
      double otel =
          median(ratios(runs, variant, "opentelemetry", baseline, Run::cpuNanosPerRequest)) - 1;
      boolean pass = added <= 0 || (otel > 0 && added <= OTEL_FRACTION * otel);
      verdicts.add(
          String.format(
              Locale.ROOT,
              "| %s: CPU added, async-inspect / OpenTelemetry | %.1f %% / %.1f %% | at most 1/3 |"
                  + " %s |",
              variant,
              100 * added,
              100 * otel,
              pass ? "PASS" : "MISS"));
    }
    return verdicts;
  }

  /**
   * Each agent's share of the service's execution samples ({@link MacroBench#cpuShares}), and
   * async-inspect's against OpenTelemetry's. No budget verdict: the share is of the running Java
   * code, not of the CPU (the service's native code, the collector and the compiler are not in it),
   * so it cannot be set against a share of the CPU; between the two agents it compares like with
   * like, and does not depend on how the machine's load moved from run to run.
   */
  public static void printShares(List<MacroBench.Share> shares, PrintStream out) {
    if (shares.isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%nThe agents' own code in the service's running Java code (JFR execution samples of the"
            + " measured phase, one run each)%n%n");
    out.println("| variant | agent | samples | in the agent's code | share |");
    out.println("|---|---|---|---|---|");
    for (MacroBench.Share share : shares) {
      CpuShare s = share.share();
      out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %d | %.1f %% |%n",
          share.variant(),
          share.mode(),
          s.samples(),
          s.agentSamples(),
          100 * s.share());
    }
    out.println();
    for (MacroBench.Share ours : shares) {
      for (MacroBench.Share otel : shares) {
        if (ours.mode().equals("async-inspect")
            && otel.mode().equals("opentelemetry")
            && ours.variant().equals(otel.variant())) {
          out.printf(
              Locale.ROOT,
              "%s: async-inspect's share is %.2f of OpenTelemetry's%n",
              ours.variant(),
              ours.share().share() / otel.share().share());
        }
      }
    }
  }

  private static String number(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static double[] values(
      List<Run> runs, String variant, String mode, ToDoubleFunction<Run> value) {
    return runs.stream()
        .filter(r -> r.variant().equals(variant) && r.mode().equals(mode))
        .mapToDouble(value)
        .toArray();
  }

  /** Per round: the mode's figure divided by the baseline's figure of the same round. */
  private static double[] ratios(
      List<Run> runs, String variant, String mode, String baseline, ToDoubleFunction<Run> value) {
    List<Double> ratios = new ArrayList<>();
    for (Run run : runs) {
      if (!run.variant().equals(variant) || !run.mode().equals(mode)) {
        continue;
      }
      runs.stream()
          .filter(
              b ->
                  b.round() == run.round()
                      && b.variant().equals(variant)
                      && b.mode().equals(baseline))
          .findFirst()
          .ifPresent(b -> ratios.add(value.applyAsDouble(run) / value.applyAsDouble(b)));
    }
    return ratios.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  private MacroReport() {}
}
