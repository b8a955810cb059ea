package dev.asyncinspect.bench.macro;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The macro benchmark: {@link ShopService} in a JVM of its own, run three ways (no agent,
 * async-inspect, the OpenTelemetry Java agent with its exporters off) and in two variants (platform
 * threads, virtual threads), in interleaved rounds, under closed-loop load from this JVM ({@link
 * HttpLoad}); prints each figure as a ratio to the run without an agent of the same round ({@link
 * MacroReport}). Run by {@code bench/run-overhead-bench}.
 *
 * <p>Options: {@code --agent JAR} (required), {@code --agent-options OPTS}, {@code --otel JAR}
 * (without it, that mode is left out), {@code --rounds N} (3), {@code --warmup S} (15), {@code
 * --measure S} (15), {@code --connections N} (16), {@code --variants platform,virtual}, {@code
 * --log DIR} (the services' stderr), {@code --split-cpus} (the load generator on the first CPU this
 * process may use, each service on the others, through {@code taskset}: on a machine of few cores
 * the two otherwise take each other's time by amounts that vary from run to run).
 */
public final class MacroBench {
  /** How a service JVM is started. */
  public record Mode(String name, List<String> jvmArgs) {}

  /** One service run's figures. */
  public record Run(
      int round,
      String variant,
      String mode,
      double throughput,
      long p50Nanos,
      long p99Nanos,
      double allocatedBytesPerSecond,
      double allocatedBytesPerRequest,
      double cpuNanosPerRequest,
      long startupMillis) {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    List<Run> runs = run(s);
    MacroReport.print(runs, s.modes().get(0).name(), System.out);
  }

  public static List<Run> run(Settings s) throws Exception {
    List<Mode> modes = s.modes();
    List<String> servicePrefix = List.of();
    if (s.splitCpus) {
      CpuSplit split = CpuSplit.ofThisProcess();
      split.pinThisProcess();
      servicePrefix = split.serviceCommandPrefix();
      if (!s.quiet) {
        System.out.printf(
            "load generator on CPU %s, each service on CPUs %s%n", split.load(), split.service());
      }
    }
    List<Run> runs = new ArrayList<>();
    for (int round = 0; round < s.rounds; round++) {
      for (String variant : s.variants) {
        for (int i = 0; i < modes.size(); i++) {
          Mode mode = modes.get((i + round) % modes.size()); // rotate the order every round
          Run run = runOnce(s, variant, mode, round, servicePrefix);
          runs.add(run);
          if (!s.quiet) {
            System.out.printf(
                "round %d %s %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %.0f B/req, %.0f µs CPU/req,"
                    + " start %d ms%n",
                round + 1,
                variant,
                mode.name(),
                run.throughput(),
                run.p50Nanos() / 1e6,
                run.p99Nanos() / 1e6,
                run.allocatedBytesPerRequest(),
                run.cpuNanosPerRequest() / 1e3,
                run.startupMillis());
          }
        }
      }
    }
    return runs;
  }

  private static Run runOnce(
      Settings s, String variant, Mode mode, int round, List<String> servicePrefix)
      throws Exception {
    List<String> command = new ArrayList<>(servicePrefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms256m", "-Xmx256m"));
    command.addAll(mode.jvmArgs());
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), ShopService.class.getName(), variant));
    Files.createDirectories(s.log);
    File log = s.log.resolve(variant + "-" + mode.name() + "-" + (round + 1) + ".log").toFile();
    long launched = System.nanoTime();
    Process service =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log)).start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      if (ready == null || !ready.startsWith("READY ")) {
        throw new IllegalStateException(
            "service did not start (" + mode.name() + "), see " + log + ": " + ready);
      }
      int port = Integer.parseInt(ready.substring(6).trim());
      long[] before = new long[3];
      long[] after = new long[3];
      try (HttpLoad.Connection probe = new HttpLoad.Connection(port)) {
        probe.get("/order?id=1");
        long startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
        boolean[] first = {true};
        HttpLoad.Result load =
            HttpLoad.run(
                port,
                s.connections,
                s.warmupMillis,
                s.measureMillis,
                () -> {
                  try {
                    long[] into = first[0] ? before : after;
                    first[0] = false;
                    parseStats(probe.get("/stats"), into);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
        double seconds = load.nanos() / 1e9;
        long served = after[2] - before[2];
        return new Run(
            round + 1,
            variant,
            mode.name(),
            load.throughput(),
            load.p50Nanos(),
            load.p99Nanos(),
            (after[0] - before[0]) / seconds,
            (double) (after[0] - before[0]) / Math.max(1, served),
            (double) (after[1] - before[1]) / Math.max(1, served),
            startupMillis);
      }
    } finally {
      service.destroy();
      if (!service.waitFor(30, TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
  }

  private static void parseStats(String line, long[] into) {
    for (String field : line.trim().split(" ")) {
      long value = Long.parseLong(field.substring(field.indexOf('=') + 1));
      switch (field.substring(0, field.indexOf('='))) {
        case "allocated" -> into[0] = value;
        case "cpu" -> into[1] = value;
        case "served" -> into[2] = value;
        default -> {}
      }
    }
  }

  /** What to run. */
  public static final class Settings {
    Path agent;
    String agentOptions = "";
    Path otel;
    int rounds = 3;
    long warmupMillis = 15_000;
    long measureMillis = 15_000;
    int connections = 16;
    List<String> variants = List.of("platform", "virtual");
    Path log = Path.of("bench", "target", "macro");
    boolean quiet;
    boolean splitCpus;

    List<Mode> modes() {
      List<Mode> modes = new ArrayList<>();
      modes.add(new Mode("none", List.of()));
      String options = agentOptions.isEmpty() ? "" : "=" + agentOptions;
      modes.add(
          new Mode("async-inspect", List.of("-javaagent:" + agent.toAbsolutePath() + options)));
      if (otel != null) {
        modes.add(
            new Mode(
                "opentelemetry",
                List.of(
                    "-javaagent:" + otel.toAbsolutePath(),
                    "-Dotel.traces.exporter=none",
                    "-Dotel.metrics.exporter=none",
                    "-Dotel.logs.exporter=none")));
      }
      return modes;
    }

    public static Settings parse(String... args) {
      Settings s = new Settings();
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--agent" -> s.agent = Path.of(value);
          case "--agent-options" -> s.agentOptions = value;
          case "--otel" -> s.otel = Path.of(value);
          case "--rounds" -> s.rounds = Integer.parseInt(value);
          case "--warmup" -> s.warmupMillis = (long) (Double.parseDouble(value) * 1000);
          case "--measure" -> s.measureMillis = (long) (Double.parseDouble(value) * 1000);
          case "--connections" -> s.connections = Integer.parseInt(value);
          case "--variants" -> s.variants = List.of(value.split(","));
          case "--log" -> s.log = Path.of(value);
          case "--quiet" -> {
            s.quiet = true;
            continue;
          }
          case "--split-cpus" -> {
            s.splitCpus = true;
            continue;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      if (s.agent == null) {
        throw new IllegalArgumentException("--agent JAR is required");
      }
      if (Runtime.version().feature() < 21 && s.variants.contains("virtual")) {
        System.out.println("(no virtual threads before JDK 21: the virtual variant is left out)");
        s.variants = s.variants.stream().filter(v -> !v.equals("virtual")).toList();
      }
      return s;
    }
  }

  private MacroBench() {}
}
