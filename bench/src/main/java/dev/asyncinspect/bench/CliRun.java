package dev.asyncinspect.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a user runs it, {@code bin/async-inspect analyze DUMP}: its own process, a
 * fresh JVM with the launcher's options, JVM start-up and output included; and measures its wall
 * time and the CPU time (user + system) of the process and everything it started. On one CPU, the
 * process is pinned to CPU 0 with {@code taskset}, and the JVM sees one CPU (it reads its affinity
 * mask), as on a one-core machine. The output goes to {@code /dev/null}: the cost of writing it is
 * counted, not that of a terminal showing it.
 *
 * <p>The CPU time comes from the shell's {@code times} after the command ends: the kernel's account
 * of the children's time, which counts every thread (JIT compiler, collector) and is not inflated
 * by time spent waiting for a CPU that other processes hold, unlike the wall time on a shared
 * machine.
 */
final class CliRun {
  private static final Pattern TIME = Pattern.compile("(\\d+)m([0-9.]+)s");

  private CliRun() {}

  /** One run: the command's exit code, wall time and CPU time. */
  record Output(int exitCode, long wallNanos, long cpuNanos) {}

  static Output run(boolean oneCpu, List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (oneCpu && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      full.addAll(List.of("/usr/bin/taskset", "-c", ForkedRun.cpu()));
    }
    // sh runs the command, then prints its children's user and system time (times' second line).
    full.addAll(
        List.of("/bin/sh", "-c", "\"$@\" >/dev/null 2>&1; code=$?; times; exit $code", "sh"));
    full.addAll(command);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = readAll(process.getInputStream());
    int exit = process.waitFor();
    long wall = System.nanoTime() - start;
    return new Output(exit, wall, childrenCpuNanos(out));
  }

  /** The children's user + system time from the output of {@code times}. */
  static long childrenCpuNanos(String timesOutput) {
    String[] lines = timesOutput.strip().split("\n");
    if (lines.length < 2) {
      throw new IllegalStateException("unexpected output of times: " + timesOutput);
    }
    Matcher matcher = TIME.matcher(lines[lines.length - 1]);
    long nanos = 0;
    int found = 0;
    while (matcher.find()) {
      nanos += Long.parseLong(matcher.group(1)) * 60_000_000_000L;
      nanos += Math.round(Double.parseDouble(matcher.group(2)) * 1e9);
      found++;
    }
    if (found != 2) {
      throw new IllegalStateException("unexpected output of times: " + timesOutput);
    }
    return nanos;
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
