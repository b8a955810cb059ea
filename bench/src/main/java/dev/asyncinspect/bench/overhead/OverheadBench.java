package dev.asyncinspect.bench.overhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CallBenchmarks} in rounds, each round once in JVMs without the agent and once with it
 * (the order alternating from round to round), and prints the per-call costs against the budgets
 * ({@link OverheadReport}). Run by {@code bench/run-overhead-bench}.
 *
 * <p>Options: {@code --agent JAR} (required), {@code --agent-options OPTS}, {@code --rounds N} (3),
 * {@code --warmup N} and {@code --iterations N} (iterations of {@code --time MS} each; 3, 5, 1000),
 * {@code --cases REGEX} (all), {@code --quiet}.
 */
public final class OverheadBench {
  /** The measurements of one case in one JVM. */
  public record Sample(double nanos, double error, double bytes) {}

  /** One round: each case's sample without and with the agent. */
  public record Round(Map<String, Sample> off, Map<String, Sample> on) {}

  public static void main(String[] args) throws RunnerException {
    Settings settings = Settings.parse(args);
    List<Round> rounds = run(settings);
    OverheadReport.print(rounds, System.out);
  }

  /** Runs all rounds. */
  public static List<Round> run(Settings settings) throws RunnerException {
    if (!Files.isRegularFile(settings.agent)) {
      throw new IllegalArgumentException("no agent jar at " + settings.agent + ": build it first");
    }
    requireSameAgentOnClassPath(settings.agent);
    List<Round> rounds = new ArrayList<>();
    for (int round = 0; round < settings.rounds; round++) {
      boolean onFirst = round % 2 == 1;
      Map<String, Sample> first = runOnce(settings, onFirst);
      Map<String, Sample> second = runOnce(settings, !onFirst);
      rounds.add(onFirst ? new Round(second, first) : new Round(first, second));
    }
    return rounds;
  }

  /**
   * The benchmark JVMs inherit this class path, where the agent jar is too (for the start-up
   * benchmark): {@code -javaagent} then loads the agent's classes from whichever copy comes first.
   * A copy older than {@code agent} would measure the old agent, so it is refused.
   */
  static void requireSameAgentOnClassPath(Path agent) {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName() == null ? "" : path.getFileName().toString();
      if (name.startsWith("async-inspect-agent") && name.endsWith(".jar")) {
        try {
          if (Files.mismatch(path, agent) != -1) {
            throw new IllegalStateException(
                path
                    + " on the class path is not the agent "
                    + agent
                    + ": rebuild both with mvn -pl bench -am package");
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }

  private static Map<String, Sample> runOnce(Settings settings, boolean agent)
      throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(CallBenchmarks.class.getName() + "\\.(" + settings.cases + ")$")
            .forks(1)
            .warmupIterations(settings.warmup)
            .measurementIterations(settings.iterations)
            .warmupTime(TimeValue.milliseconds(settings.millis))
            .measurementTime(TimeValue.milliseconds(settings.millis))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .verbosity(settings.quiet ? VerboseMode.SILENT : VerboseMode.NORMAL);
    if (!virtualThreads()) {
      options.exclude("virtualThreadFanOut");
    }
    if (agent) {
      String jar = settings.agent.toAbsolutePath().toString();
      options.jvmArgsAppend(
          "-javaagent:"
              + jar
              + (settings.agentOptions.isEmpty() ? "" : "=" + settings.agentOptions));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Sample> samples = new LinkedHashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      Result<?> primary = result.getPrimaryResult();
      Result<?> bytes = result.getSecondaryResults().get("gc.alloc.rate.norm");
      samples.put(
          name,
          new Sample(
              primary.getScore(),
              primary.getScoreError(),
              bytes == null ? Double.NaN : bytes.getScore()));
    }
    return samples;
  }

  /** Whether this JVM has virtual threads (JDK 21+); JMH forks run on the same JVM. */
  static boolean virtualThreads() {
    return Runtime.version().feature() >= 21;
  }

  /** What to run. */
  public static final class Settings {
    Path agent;
    String agentOptions = "";
    int rounds = 3;
    int warmup = 3;
    int iterations = 5;
    int millis = 1000;
    String cases = ".*";
    boolean quiet;

    public static Settings parse(String... args) {
      Settings s = new Settings();
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--agent" -> s.agent = Path.of(value);
          case "--agent-options" -> s.agentOptions = value;
          case "--rounds" -> s.rounds = Integer.parseInt(value);
          case "--warmup" -> s.warmup = Integer.parseInt(value);
          case "--iterations" -> s.iterations = Integer.parseInt(value);
          case "--time" -> s.millis = Integer.parseInt(value);
          case "--cases" -> s.cases = value;
          case "--quiet" -> {
            s.quiet = true;
            continue;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      if (s.agent == null) {
        throw new IllegalArgumentException("--agent JAR is required");
      }
      return s;
    }
  }

  private OverheadBench() {}
}
