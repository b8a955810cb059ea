package dev.asyncinspect.bench.macro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The CPUs of the macro benchmark split between the load generator (the first CPU this process may
 * run on) and the service JVMs (the others), so that neither takes the other's time: on a machine
 * of two cores, a closed loop whose generator and service share both cores measures the scheduler
 * as much as the service. Linux only (the allowed CPUs from {@code /proc/self/status}, the pinning
 * through {@code taskset}).
 */
record CpuSplit(String load, String service) {

  /** The split of the CPUs this process may run on; fails with why when it cannot be made. */
  static CpuSplit ofThisProcess() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      throw new IllegalStateException("--split-cpus needs Linux (no " + status + ")");
    }
    String allowed =
        Files.readAllLines(status, StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith("Cpus_allowed_list:"))
            .map(line -> line.substring(line.indexOf(':') + 1).trim())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Cpus_allowed_list in " + status));
    return of(parseList(allowed));
  }

  /** The first CPU for the load generator, the rest for the service. */
  static CpuSplit of(List<Integer> cpus) {
    if (cpus.size() < 2) {
      throw new IllegalStateException(
          "--split-cpus needs at least 2 CPUs, this process may use " + cpus);
    }
    return new CpuSplit(
        String.valueOf(cpus.get(0)),
        cpus.subList(1, cpus.size()).stream()
            .map(String::valueOf)
            .collect(Collectors.joining(",")));
  }

  /** A CPU list as the kernel writes it: {@code 0-3,8,10-11}. */
  static List<Integer> parseList(String list) {
    List<Integer> cpus = new ArrayList<>();
    for (String part : list.split(",")) {
      String range = part.trim();
      if (range.isEmpty()) {
        continue;
      }
      int dash = range.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
      int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
      for (int cpu = from; cpu <= to; cpu++) {
        cpus.add(cpu);
      }
    }
    return cpus;
  }

  /** Pins every thread of this JVM (and so those it starts later) to the load generator's CPU. */
  void pinThisProcess() throws IOException, InterruptedException {
    String pid = String.valueOf(ProcessHandle.current().pid());
    Process taskset;
    try {
      taskset =
          new ProcessBuilder("taskset", "-a", "-p", "-c", load, pid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("--split-cpus needs taskset (util-linux): " + e.getMessage());
    }
    if (!taskset.waitFor(30, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
      throw new IllegalStateException("taskset could not pin the load generator to CPU " + load);
    }
  }

  /** What starts a service JVM on the service's CPUs. */
  List<String> serviceCommandPrefix() {
    return List.of("taskset", "-c", service);
  }
}
