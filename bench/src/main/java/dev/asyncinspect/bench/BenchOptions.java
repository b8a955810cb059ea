package dev.asyncinspect.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The benchmark's command-line options; see {@link #USAGE}. */
final class BenchOptions {
  static final String USAGE =
      """
      usage: run-analyzer-bench [--events N] [--tasks N] [--runs N] [--iterations N]
                                [--xmx SIZE] [--all-cpus] [--min-heap] [--cli-runs N]
                                [--dump FILE]
        --events N      events in the synthetic dump (default 1000000)
        --tasks N       tasks in it (default 100000)
        --runs N        fresh JVMs, each a cold start (default 3; 0 for only the command's runs)
        --iterations N  analyses per JVM; the first is cold, the rest warm (default 5)
        --xmx SIZE      heap limit of each JVM (default 512m)
        --all-cpus      let the JVMs use every CPU instead of one
        --jit MODE      tiered (the JVM's default: C1, then C2), c1 (-XX:TieredStopAtLevel=1),
                        launcher (the options of bin/async-inspect: C1 only, loops compiled
                        early, the serial collector), or all (default)
        --min-heap      also find the smallest heap a cold run fits in
        --cli-runs N    runs of bin/async-inspect analyze, the command as a user runs it, timed
                        by CPU (default 5; 0 for none)
        --dump FILE     the dump to use, written first when missing
                        (default bench/target/synthetic-EVENTS-TASKS.aidump.jsonl)
      """;

  long events = 1_000_000;
  int tasks = 100_000;
  int runs = 3;
  int iterations = 5;
  String maxHeap = "512m";
  boolean oneCpu = true;
  boolean minHeap;
  int cliRuns = 5;
  List<JitMode> jit = List.of(JitMode.TIERED, JitMode.C1, JitMode.LAUNCHER);

  /** How the forked JVMs compile: the default tiered JIT, or C1 alone. */
  enum JitMode {
    TIERED("tiered JIT (default)", List.of()),
    C1("C1 only (-XX:TieredStopAtLevel=1)", List.of("-XX:TieredStopAtLevel=1")),
    /** The JVM options bin/async-inspect runs the command line with; keep the two in step. */
    LAUNCHER(
        "as bin/async-inspect runs it (-XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=2000"
            + " -XX:+UseSerialGC -XX:InitialRAMPercentage=6.25)",
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:Tier3BackEdgeThreshold=2000",
            "-XX:+UseSerialGC",
            "-XX:InitialRAMPercentage=6.25"));

    final String label;
    final List<String> options;

    JitMode(String label, List<String> options) {
      this.label = label;
      this.options = options;
    }
  }

  Path dump;

  static BenchOptions parse(String... args) {
    BenchOptions options = new BenchOptions();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--events" -> options.events = Long.parseLong(require(value, args[i++]));
        case "--tasks" -> options.tasks = Integer.parseInt(require(value, args[i++]));
        case "--runs" -> options.runs = Integer.parseInt(require(value, args[i++]));
        case "--iterations" -> options.iterations = Integer.parseInt(require(value, args[i++]));
        case "--xmx" -> options.maxHeap = require(value, args[i++]);
        case "--dump" -> options.dump = Path.of(require(value, args[i++]));
        case "--all-cpus" -> options.oneCpu = false;
        case "--min-heap" -> options.minHeap = true;
        case "--jit" -> options.jit = jit(require(value, args[i++]));
        case "--cli-runs" -> options.cliRuns = Integer.parseInt(require(value, args[i++]));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (options.dump == null) {
      options.dump =
          targetDirectory()
              .resolve("synthetic-" + options.events + "-" + options.tasks + ".aidump.jsonl");
    }
    return options;
  }

  private static List<JitMode> jit(String mode) {
    return switch (mode) {
      case "tiered" -> List.of(JitMode.TIERED);
      case "c1" -> List.of(JitMode.C1);
      case "launcher" -> List.of(JitMode.LAUNCHER);
      case "all" -> List.of(JitMode.TIERED, JitMode.C1, JitMode.LAUNCHER);
      default ->
          throw new IllegalArgumentException("--jit is tiered, c1, launcher or all\n" + USAGE);
    };
  }

  private static String require(String value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return value;
  }

  /** The project's launcher, bin/async-inspect, found from bench/target. */
  static Path launcher() {
    return targetDirectory().getParent().getParent().resolve("bin").resolve("async-inspect");
  }

  /** bench/target, found from where the benchmark's classes were loaded (target/classes). */
  private static Path targetDirectory() {
    try {
      Path classes =
          Path.of(BenchOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
