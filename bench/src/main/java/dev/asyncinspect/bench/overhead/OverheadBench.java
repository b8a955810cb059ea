package dev.asyncinspect.bench.overhead;

import dev.asyncinspect.bench.EmptyAgent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
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
 * {@code --cases REGEX} (all), {@code --empty-agent} (each round also runs the virtual-thread cases
 * with an {@link EmptyAgent}, between the other two: what any Java agent costs them), {@code
 * --quiet}.
 */
public final class OverheadBench {
  /** The measurements of one case in one JVM. */
  public record Sample(double nanos, double error, double bytes) {}

  /**
   * One round: each case's sample without and with the agent, and with the empty agent (only the
   * virtual-thread cases, and only with {@code --empty-agent}; else empty).
   */
  public record Round(Map<String, Sample> off, Map<String, Sample> on, Map<String, Sample> empty) {}

  /** The cases that {@code --empty-agent} also runs with the empty agent. */
  static final String EMPTY_AGENT_CASES = "virtualThread.*";

  public static void main(String[] args) throws RunnerException, IOException {
    Settings settings = Settings.parse(args);
    List<Round> rounds = run(settings);
    OverheadReport.print(rounds, System.out);
  }

  /** Runs all rounds. */
  public static List<Round> run(Settings settings) throws RunnerException, IOException {
    if (!Files.isRegularFile(settings.agent)) {
      throw new IllegalArgumentException("no agent jar at " + settings.agent + ": build it first");
    }
    requireSameAgentOnClassPath(settings.agent);
    List<String> agent =
        List.of(
            "-javaagent:"
                + settings.agent.toAbsolutePath()
                + (settings.agentOptions.isEmpty() ? "" : "=" + settings.agentOptions));
    List<String> emptyAgent = List.of();
    if (settings.emptyAgent) {
      Path jar = Files.createTempFile("empty-agent", ".jar");
      jar.toFile().deleteOnExit();
      emptyAgent = List.of("-javaagent:" + EmptyAgent.writeJar(jar).toAbsolutePath());
    }
    List<Round> rounds = new ArrayList<>();
    for (int round = 0; round < settings.rounds; round++) {
      boolean onFirst = round % 2 == 1;
      Map<String, Sample> first = runOnce(settings, settings.cases, onFirst ? agent : List.of());
      Map<String, Sample> empty = Map.of();
      if (settings.emptyAgent && virtualThreads() && anyCase(settings.cases, EMPTY_AGENT_CASES)) {
        String cases = "(?=" + EMPTY_AGENT_CASES + ")(" + settings.cases + ")";
        empty = runOnce(settings, cases, emptyAgent);
      }
      Map<String, Sample> second = runOnce(settings, settings.cases, onFirst ? List.of() : agent);
      rounds.add(onFirst ? new Round(second, first, empty) : new Round(first, second, empty));
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

  /** Whether a benchmark's name matches both patterns (JMH refuses a run that matches none). */
  static boolean anyCase(String cases, String also) {
    Pattern a = Pattern.compile(cases);
    Pattern b = Pattern.compile(also);
    return Arrays.stream(CallBenchmarks.class.getMethods())
        .filter(m -> m.isAnnotationPresent(Benchmark.class))
        .map(Method::getName)
        .anyMatch(name -> a.matcher(name).matches() && b.matcher(name).matches());
  }

  /** The {@code cases} in a JVM of their own, started with {@code jvmArgs}. */
  private static Map<String, Sample> runOnce(Settings settings, String cases, List<String> jvmArgs)
      throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(CallBenchmarks.class.getName() + "\\.(" + cases + ")$")
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
    if (!jvmArgs.isEmpty()) {
      options.jvmArgsAppend(jvmArgs.toArray(String[]::new));
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
    boolean emptyAgent;
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
          case "--empty-agent" -> {
            s.emptyAgent = true;
            continue;
          }
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
