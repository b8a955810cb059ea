package dev.asyncinspect.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the agent adds to start-up: the time from JVM start to {@code main}, with and without {@code
 * -javaagent}, over alternating runs of a program that prints its JVM's uptime when {@code main}
 * starts. Run through {@code bench/run-agent-bench}.
 */
public final class StartupCost {
  private static final int RUNS = 15;

  /** The measured program: prints the JVM's uptime in ms when main begins. */
  public static final class Hello {
    public static void main(String[] args) {
      System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Path agent = Path.of(args[0]);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    long[] plain = new long[RUNS];
    long[] traced = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      plain[i] = uptimeAtMain(List.of(java, "-cp", classpath, Hello.class.getName()));
      traced[i] =
          uptimeAtMain(
              List.of(java, "-javaagent:" + agent, "-cp", classpath, Hello.class.getName()));
    }
    long a = median(plain);
    long b = median(traced);
    System.out.printf(
        "JVM start to main, median of %d runs: %d ms without the agent, %d ms with it:"
            + " +%d ms (ratio %.2f); java %s%n",
        RUNS, a, b, b - a, (double) b / a, System.getProperty("java.runtime.version"));
  }

  private static long uptimeAtMain(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("run failed: " + out);
    }
    String[] lines = out.split("\\R");
    return Long.parseLong(lines[lines.length - 1].trim());
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private StartupCost() {}
}
