package dev.asyncinspect.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@link AnalyzeOnce} in a fresh JVM with a heap limit, on one CPU: {@code
 * -XX:ActiveProcessorCount=1} (so the JVM sizes itself, and picks its collector, for one core) and,
 * where {@code taskset} exists, pinned to CPU 0 so that even the collector's and JIT's threads
 * share that core.
 */
final class ForkedRun {
  private ForkedRun() {}

  /** What the forked JVM printed: one map per iteration, and the last line's values. */
  record Output(List<Map<String, Long>> iterations, Map<String, Long> retained, String failure) {
    boolean ok() {
      return failure == null;
    }
  }

  static Output run(Path dump, int iterations, String maxHeap, boolean oneCpu)
      throws IOException, InterruptedException {
    return run(dump, iterations, maxHeap, oneCpu, List.of());
  }

  /** A run with more JVM options, such as {@code -XX:TieredStopAtLevel=1}. */
  static Output run(
      Path dump, int iterations, String maxHeap, boolean oneCpu, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (oneCpu && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      command.addAll(List.of("/usr/bin/taskset", "-c", ForkedRun.cpu()));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    if (oneCpu) {
      command.add("-XX:ActiveProcessorCount=1");
    }
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath(), AnalyzeOnce.class.getName()));
    command.addAll(List.of(dump.toString(), Integer.toString(iterations)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<Map<String, Long>> results = new ArrayList<>();
    Map<String, Long> retained = Map.of();
    StringBuilder other = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("iteration=")) {
          results.add(values(line));
        } else if (line.startsWith("retainedBytes=")) {
          retained = values(line);
        } else {
          other.append(line).append('\n');
        }
      }
    }
    int exit = process.waitFor();
    String failure = exit == 0 ? null : "exit code " + exit + ": " + other.toString().strip();
    return new Output(results, retained, failure);
  }

  /** The CPU the runs are pinned to: 0, or BENCH_CPU to pick another (an idle one). */
  static String cpu() {
    String cpu = System.getenv("BENCH_CPU");
    return cpu == null || cpu.isBlank() ? "0" : cpu.strip();
  }

  private static Map<String, Long> values(String line) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String pair : line.split(" ")) {
      int equals = pair.indexOf('=');
      values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
    }
    return values;
  }

  /**
   * The class path of the benchmark and the analyzer, from where their classes were loaded: it
   * works the same from the launcher script, from Maven's test runner and from an IDE.
   */
  static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type :
        new Class<?>[] {
          AnalyzeOnce.class,
          dev.asyncinspect.analyzer.dump.DumpReader.class,
          com.fasterxml.jackson.core.JsonFactory.class
        }) {
      try {
        entries.add(
            Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate the classes of " + type, e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
