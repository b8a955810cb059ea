package dev.asyncinspect.bench.startup;

import dev.asyncinspect.bench.EmptyAgent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the agent adds to a JVM's start: the time from launching {@code java} to a program's ready
 * point, without an agent, with an agent that does nothing (the floor any {@code -javaagent} costs)
 * and with the async-inspect agent, for three programs: one with no traced class ({@link
 * NoTraceApp}, ready when main begins), one whose main class is traced ({@link TracedMainApp}), and
 * one that loads a large synthetic class path of which a few classes are traced ({@link
 * LoadAllApp}, ready when all are loaded). Each figure is the median of fresh JVMs, the variants
 * run interleaved (their order rotating from round to round) so that a change in the machine's load
 * hits them alike. Run through {@code bench/run-agent-bench}; prints a Markdown table.
 *
 * <p>Arguments: {@code AGENT_JAR [--runs N] [--classes N] [--traced N] [--work DIR]}.
 */
public final class StartupCost {

  /** One way to start the JVM. */
  private enum Variant {
    NONE,
    EMPTY_AGENT,
    AGENT
  }

  /** One measured program: its main class and arguments. */
  private record App(String label, String mainClass, List<String> args) {}

  /** One run's figures, in ms. */
  private record Run(double ready, double mainThreadCpu, double processCpu) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path agent = Path.of(args[0]);
    int runs = 15;
    int classes = 20_000;
    int traced = 10;
    Path work = Path.of("bench/target/startup");
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--classes" -> classes = Integer.parseInt(args[i + 1]);
        case "--traced" -> traced = Integer.parseInt(args[i + 1]);
        case "--work" -> work = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path synthetic = work.resolve("synthetic-" + classes + "-" + traced + ".jar");
    if (!Files.exists(synthetic)) {
      SyntheticClassPath.write(synthetic, classes, traced);
    }
    Path emptyAgent = work.resolve("empty-agent.jar");
    EmptyAgent.writeJar(emptyAgent);
    List<App> apps =
        List.of(
            new App("no traced class", NoTraceApp.class.getName(), List.of()),
            new App("traced main class", TracedMainApp.class.getName(), List.of()),
            new App(
                String.format("%,d classes loaded, %d traced", classes, traced),
                LoadAllApp.class.getName(),
                List.of(Integer.toString(classes))));
    // Only what the programs need: their classes, the annotation, the synthetic jar.
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            codeSource(StartupCost.class),
            codeSource(dev.asyncinspect.annotations.Trace.class),
            synthetic.toString());
    Run[][][] results = new Run[apps.size()][Variant.values().length][runs];
    for (int round = 0; round < runs; round++) {
      for (int a = 0; a < apps.size(); a++) {
        for (int k = 0; k < Variant.values().length; k++) {
          Variant v = Variant.values()[(round + k) % Variant.values().length];
          results[a][v.ordinal()][round] =
              run(command(v, agent, emptyAgent, classPath, apps.get(a)));
        }
      }
    }
    print(apps, results, runs);
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> command(
      Variant variant, Path agent, Path emptyAgent, String classPath, App app) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (variant == Variant.EMPTY_AGENT) {
      command.add("-javaagent:" + emptyAgent);
    } else if (variant == Variant.AGENT) {
      command.add("-javaagent:" + agent);
    }
    command.addAll(List.of("-cp", classPath, app.mainClass()));
    command.addAll(app.args());
    return command;
  }

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Instant start = Instant.now();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("run failed: " + command + "\n" + out);
    }
    for (String line : out.split("\\R")) {
      String[] f = line.trim().split(" ");
      if (f.length == 4 && (f[0].equals("main") || f[0].equals("ready"))) {
        long startMicros = start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000;
        return new Run(
            (Long.parseLong(f[1]) - startMicros) / 1e3,
            Long.parseLong(f[2]) / 1e6,
            Long.parseLong(f[3]) / 1e6);
      }
      if (line.startsWith("[async-inspect]")) {
        throw new IllegalStateException("the agent reported a problem: " + line);
      }
    }
    throw new IllegalStateException("no timing line from " + command + ":\n" + out);
  }

  private static void print(List<App> apps, Run[][][] results, int runs) {
    System.out.printf(
        "JVM start to ready, median of %d fresh JVMs per cell, variants interleaved; java %s, %d"
            + " CPUs%n%n",
        runs,
        System.getProperty("java.runtime.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| program | no agent | empty agent | async-inspect agent | added by the agent | ratio |"
            + " main-thread CPU added | process CPU added |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int a = 0; a < apps.size(); a++) {
      Run[][] r = results[a];
      double none = median(r[Variant.NONE.ordinal()], Run::ready);
      double empty = median(r[Variant.EMPTY_AGENT.ordinal()], Run::ready);
      double agent = median(r[Variant.AGENT.ordinal()], Run::ready);
      double threadAdded =
          median(r[Variant.AGENT.ordinal()], Run::mainThreadCpu)
              - median(r[Variant.NONE.ordinal()], Run::mainThreadCpu);
      double processAdded =
          median(r[Variant.AGENT.ordinal()], Run::processCpu)
              - median(r[Variant.NONE.ordinal()], Run::processCpu);
      System.out.printf(
          "| %s | %.0f ms | %.0f ms | %.0f ms | %+.0f ms | %.2f | %+.0f ms | %+.0f ms |%n",
          apps.get(a).label(),
          none,
          empty,
          agent,
          agent - none,
          agent / none,
          threadAdded,
          processAdded);
    }
    System.out.printf("%nSpread (agent, ready): %s%n", spreads(apps, results));
  }

  private static String spreads(List<App> apps, Run[][][] results) {
    List<String> parts = new ArrayList<>();
    for (int a = 0; a < apps.size(); a++) {
      double[] v =
          Arrays.stream(results[a][Variant.AGENT.ordinal()])
              .mapToDouble(Run::ready)
              .sorted()
              .toArray();
      parts.add(
          String.format(
              "%s %.0f..%.0f ms (quartiles %.0f..%.0f)",
              apps.get(a).label(), v[0], v[v.length - 1], v[v.length / 4], v[v.length * 3 / 4]));
    }
    return String.join("; ", parts);
  }

  private static double median(Run[] runs, java.util.function.ToDoubleFunction<Run> value) {
    double[] v = Arrays.stream(runs).mapToDouble(value).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private StartupCost() {}
}
