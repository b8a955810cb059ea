package dev.asyncinspect.bench.overhead;

import dev.asyncinspect.bench.overhead.OverheadBench.Round;
import dev.asyncinspect.bench.overhead.OverheadBench.Sample;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Prints the micro benchmarks' results as Markdown: per case the medians without and with the agent
 * over the rounds, the difference (median and range of the per-round differences), and the budgets,
 * each PASS or MISS. Every figure compares JVMs of the same round.
 */
public final class OverheadReport {
  /** Budgets, in ns and bytes per call. */
  static final double CALL_NANOS = 100;

  static final double CALL_BYTES = 64;
  static final double AWAIT_NANOS = 30;

  /**
   * {@code gc.alloc.rate.norm}'s resolution in practice: JMH's own allocations, spread over the
   * operations, add a few hundredths of a byte; objects are whole multiples of 8 bytes.
   */
  static final double BYTES_RESOLUTION = 0.5;

  static final double FAN_OUT_THROUGHPUT = 0.95;

  public static void print(List<Round> rounds, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%nAgent overhead per call: %d rounds, java %s%n%n",
        rounds.size(),
        System.getProperty("java.runtime.version"));
    out.println(
        "| case | no agent ns | agent ns | ratio | added ns (range) | no agent B | agent B |"
            + " added B |");
    out.println("|---|---|---|---|---|---|---|---|");
    for (String name : names(rounds)) {
      out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %.2f | %+.1f (%+.1f to %+.1f) | %.0f | %.0f | %+.1f |%n",
          name,
          median(rounds, name, r -> r.off(), Sample::nanos),
          median(rounds, name, r -> r.on(), Sample::nanos),
          median(rounds, name, r -> r.on(), Sample::nanos)
              / median(rounds, name, r -> r.off(), Sample::nanos),
          added(rounds, name, Sample::nanos)[1],
          added(rounds, name, Sample::nanos)[0],
          added(rounds, name, Sample::nanos)[2],
          median(rounds, name, r -> r.off(), Sample::bytes),
          median(rounds, name, r -> r.on(), Sample::bytes),
          added(rounds, name, Sample::bytes)[1]);
    }
    if (has(rounds, "clockRead")) {
      out.printf(
          Locale.ROOT,
          "%nOne clock read (System.nanoTime) costs %.1f ns here; a traced call reads it twice.%n",
          median(rounds, "clockRead", r -> r.off(), Sample::nanos));
    }
    printEmptyAgent(rounds, out);
    out.println();
    out.println("| budget | measured | limit | verdict |");
    out.println("|---|---|---|---|");
    for (String call : List.of("syncCall", "completedFuture", "futureCompletedElsewhere")) {
      if (has(rounds, call)) {
        double ns = added(rounds, call, Sample::nanos)[1];
        double bytes = added(rounds, call, Sample::bytes)[1];
        verdict(out, "traced call, " + call + ": ns", ns, CALL_NANOS, ns <= CALL_NANOS);
        verdict(
            out,
            "traced call, " + call + ": bytes",
            bytes,
            CALL_BYTES,
            bytes <= CALL_BYTES + BYTES_RESOLUTION);
      }
    }
    if (has(rounds, "oneAwait") && has(rounds, "syncCall")) {
      double ns = difference(rounds, "oneAwait", "syncCall", Sample::nanos);
      double bytes = difference(rounds, "oneAwait", "syncCall", Sample::bytes);
      verdict(out, "extra await point: ns", ns, AWAIT_NANOS, ns <= AWAIT_NANOS);
      verdict(out, "extra await point: bytes", bytes, 0, bytes <= BYTES_RESOLUTION);
    }
    if (has(rounds, "untracedClass")) {
      double[] ns = added(rounds, "untracedClass", Sample::nanos);
      double noise = Math.max(0.5, spread(rounds, "untracedClass"));
      double bytes = added(rounds, "untracedClass", Sample::bytes)[1];
      verdict(
          out,
          String.format(Locale.ROOT, "no @Trace: ns (noise %.1f)", noise),
          ns[1],
          0,
          Math.abs(ns[1]) <= noise);
      verdict(out, "no @Trace: bytes", bytes, 0, Math.abs(bytes) <= BYTES_RESOLUTION);
    }
    fanOutVerdict(out, rounds, "virtualThreadFanOut", "virtual-thread fan-out");
    fanOutVerdict(
        out,
        rounds,
        "virtualThreadFanOutFromVirtual",
        "virtual-thread fan-out from a virtual thread");
  }

  /**
   * The cases also run with the empty agent: how much of what the agent costs them any Java agent
   * costs, and the agent's throughput against that floor (ratios of the medians, like the
   * verdicts).
   */
  private static void printEmptyAgent(List<Round> rounds, PrintStream out) {
    List<String> names = new ArrayList<>();
    for (String name : names(rounds)) {
      if (rounds.stream().anyMatch(r -> r.empty().containsKey(name))) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%nThe same rounds with an empty agent (a premain that does nothing: what any Java agent"
            + " costs)%n%n");
    out.println(
        "| case | no agent ns | empty agent ns | agent ns | throughput, empty agent / no agent |"
            + " throughput, agent / empty agent |");
    out.println("|---|---|---|---|---|---|");
    for (String name : names) {
      double off = median(rounds, name, r -> r.off(), Sample::nanos);
      double empty = median(rounds, name, r -> r.empty(), Sample::nanos);
      double on = median(rounds, name, r -> r.on(), Sample::nanos);
      out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %.1f | %.2f | %.2f |%n",
          name,
          off,
          empty,
          on,
          off / empty,
          empty / on);
    }
  }

  private static void fanOutVerdict(PrintStream out, List<Round> rounds, String name, String what) {
    if (has(rounds, name)) {
      double throughput =
          median(rounds, name, r -> r.off(), Sample::nanos)
              / median(rounds, name, r -> r.on(), Sample::nanos);
      verdict(
          out,
          what + ": throughput ratio",
          throughput,
          FAN_OUT_THROUGHPUT,
          throughput >= FAN_OUT_THROUGHPUT);
    }
  }

  private static void verdict(
      PrintStream out, String what, double value, double limit, boolean pass) {
    out.printf(
        Locale.ROOT, "| %s | %.2f | %.2f | %s |%n", what, value, limit, pass ? "PASS" : "MISS");
  }

  private static List<String> names(List<Round> rounds) {
    List<String> names = new ArrayList<>();
    for (Round round : rounds) {
      for (String name : round.off().keySet()) {
        if (!names.contains(name) && round.on().containsKey(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static boolean has(List<Round> rounds, String name) {
    return names(rounds).contains(name);
  }

  private static double median(
      List<Round> rounds,
      String name,
      java.util.function.Function<Round, java.util.Map<String, Sample>> side,
      ToDoubleFunction<Sample> value) {
    return median(
        rounds.stream()
            .map(side)
            .filter(m -> m.containsKey(name))
            .mapToDouble(m -> value.applyAsDouble(m.get(name)))
            .toArray());
  }

  /** The per-round differences agent minus no agent: min, median, max. */
  static double[] added(List<Round> rounds, String name, ToDoubleFunction<Sample> value) {
    double[] d =
        rounds.stream()
            .filter(r -> r.off().containsKey(name) && r.on().containsKey(name))
            .mapToDouble(
                r -> value.applyAsDouble(r.on().get(name)) - value.applyAsDouble(r.off().get(name)))
            .sorted()
            .toArray();
    return new double[] {d[0], median(d), d[d.length - 1]};
  }

  /** Median over rounds of (added for {@code a}) minus (added for {@code b}). */
  private static double difference(
      List<Round> rounds, String a, String b, ToDoubleFunction<Sample> value) {
    return median(
        rounds.stream()
            .mapToDouble(
                r ->
                    value.applyAsDouble(r.on().get(a))
                        - value.applyAsDouble(r.off().get(a))
                        - value.applyAsDouble(r.on().get(b))
                        + value.applyAsDouble(r.off().get(b)))
            .toArray());
  }

  /** The range of a case's times without the agent over the rounds. */
  private static double spread(List<Round> rounds, String name) {
    double[] off = rounds.stream().mapToDouble(r -> r.off().get(name).nanos()).sorted().toArray();
    return off[off.length - 1] - off[0];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private OverheadReport() {}
}
