package dev.asyncinspect.bench.macro;

import dev.asyncinspect.bench.EmptyAgent;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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
 * the two otherwise take each other's time by amounts that vary from run to run), {@code
 * --cpu-share} (after the rounds, one more run of each agent per variant with JFR's execution
 * samples, to tell how much of the service's running code was the agent's: {@link CpuShare}),
 * {@code --empty-agent} (a fourth mode, {@link EmptyAgent}: what any Java agent costs the service).
 */
public final class MacroBench {
  /**
   * How a service JVM is started; {@code agentCode} tells the agent's classes ({@link CpuShare}),
   * null for the runs without an agent or with the empty one.
   */
  public record Mode(String name, List<String> jvmArgs, Predicate<String> agentCode) {}

  /** The name of the mode with the {@link EmptyAgent}. */
  public static final String EMPTY_AGENT = "empty-agent";

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

  /** One agent's share of a service's samples ({@link CpuShare}). */
  public record Share(String variant, String mode, CpuShare share) {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    List<Run> runs = run(s);
    List<Share> shares = s.cpuShare ? cpuShares(s) : List.of();
    MacroReport.print(runs, s.modes().get(0).name(), System.out);
    MacroReport.printShares(shares, System.out);
  }

  public static List<Run> run(Settings s) throws Exception {
    List<Mode> modes = s.modes();
    List<Run> runs = new ArrayList<>();
    for (int round = 0; round < s.rounds; round++) {
      for (String variant : s.variants) {
        for (int i = 0; i < modes.size(); i++) {
          Mode mode = modes.get((i + round) % modes.size()); // rotate the order every round
          Run run = runOnce(s, variant, mode, round, null).run();
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

  /**
   * One more run of each agent's mode per variant, with JFR's execution samples: how much of the
   * service's running code was the agent's in the measured phase.
   */
  public static List<Share> cpuShares(Settings s) throws Exception {
    Files.createDirectories(s.log);
    Files.writeString(cpuShareSettings(s), CpuShare.settings());
    List<Share> shares = new ArrayList<>();
    for (String variant : s.variants) {
      for (Mode mode : s.modes()) {
        if (mode.agentCode() == null) {
          continue;
        }
        Path recording = s.log.resolve(variant + "-" + mode.name() + "-samples.jfr");
        Files.deleteIfExists(recording);
        Measured measured = runOnce(s, variant, mode, 0, recording);
        CpuShare share = CpuShare.read(recording, measured.from(), measured.to(), mode.agentCode());
        if (share.samples() == 0) {
          throw new IllegalStateException("no execution samples in " + recording);
        }
        shares.add(new Share(variant, mode.name(), share));
        if (!s.quiet) {
          System.out.printf(
              "%s %s: %d of %d samples in the agent's code%n",
              variant, mode.name(), share.agentSamples(), share.samples());
        }
      }
    }
    return shares;
  }

  /**
   * What starts a service JVM: on its own CPUs with {@code --split-cpus}, which pins this JVM the
   * first time (after that, this JVM may use only the load generator's CPU: the split is kept).
   */
  private static List<String> servicePrefix(Settings s) throws Exception {
    if (!s.splitCpus) {
      return List.of();
    }
    if (s.servicePrefix != null) {
      return s.servicePrefix;
    }
    CpuSplit split = CpuSplit.ofThisProcess();
    split.pinThisProcess();
    if (!s.quiet) {
      System.out.printf(
          "load generator on CPU %s, each service on CPUs %s%n", split.load(), split.service());
    }
    s.servicePrefix = split.serviceCommandPrefix();
    return s.servicePrefix;
  }

  private static Path cpuShareSettings(Settings s) {
    return s.log.resolve("cpu-share.jfc");
  }

  /** A run's figures and when its measured phase began and ended. */
  private record Measured(Run run, Instant from, Instant to) {}

  /**
   * One run of the service; with a {@code recording} (else null), it takes JFR's samples ({@link
   * #cpuShares}) and writes them there on exit.
   */
  private static Measured runOnce(Settings s, String variant, Mode mode, int round, Path recording)
      throws Exception {
    List<String> command = new ArrayList<>(servicePrefix(s));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xms256m", "-Xmx256m"));
    command.addAll(mode.jvmArgs());
    if (recording != null) {
      command.addAll(CpuShare.jvmArgs(recording, cpuShareSettings(s)));
    }
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), ShopService.class.getName(), variant));
    Files.createDirectories(s.log);
    String run = recording == null ? String.valueOf(round + 1) : "samples";
    File log = s.log.resolve(variant + "-" + mode.name() + "-" + run + ".log").toFile();
    long launched = System.nanoTime();
    Process service =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log)).start();
    Run measured;
    Instant[] window = new Instant[2];
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
      // JFR, when it samples, says on standard output that it started: skip to the service's line.
      String ready = out.readLine();
      for (int skipped = 0; ready != null && !ready.startsWith("READY ") && skipped < 20; ) {
        skipped++;
        ready = out.readLine();
      }
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
                    window[first[0] ? 0 : 1] = Instant.now();
                    first[0] = false;
                    parseStats(probe.get("/stats"), into);
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });
        double seconds = load.nanos() / 1e9;
        long served = after[2] - before[2];
        measured =
            new Run(
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
    return new Measured(measured, window[0], window[1]);
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
    boolean cpuShare;
    boolean emptyAgent;

    /** With {@link #splitCpus}, once this JVM is pinned: what starts a service on the others. */
    private List<String> servicePrefix;

    List<Mode> modes() throws IOException {
      List<Mode> modes = new ArrayList<>();
      modes.add(new Mode("none", List.of(), null));
      if (emptyAgent) {
        Path jar = EmptyAgent.writeJar(log.resolve("empty-agent.jar"));
        modes.add(new Mode(EMPTY_AGENT, List.of("-javaagent:" + jar.toAbsolutePath()), null));
      }
      String options = agentOptions.isEmpty() ? "" : "=" + agentOptions;
      modes.add(
          new Mode(
              "async-inspect",
              List.of("-javaagent:" + agent.toAbsolutePath() + options),
              CpuShare.ASYNC_INSPECT));
      if (otel != null) {
        modes.add(
            new Mode(
                "opentelemetry",
                List.of(
                    "-javaagent:" + otel.toAbsolutePath(),
                    "-Dotel.traces.exporter=none",
                    "-Dotel.metrics.exporter=none",
                    "-Dotel.logs.exporter=none"),
                CpuShare.OPENTELEMETRY));
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
          case "--cpu-share" -> {
            s.cpuShare = true;
            continue;
          }
          case "--empty-agent" -> {
            s.emptyAgent = true;
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
