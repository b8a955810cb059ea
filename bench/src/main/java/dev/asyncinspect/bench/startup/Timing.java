package dev.asyncinspect.bench.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a measured program prints when it is ready: one line {@code <label> <epoch µs> <main
 * thread's CPU ns> <process CPU ns>} (-1 where this system cannot say). The epoch time is read
 * first; the CPU times cost a file read each, after it.
 */
public final class Timing {

  public static void print(String label) {
    Instant now = Instant.now();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    long threadCpu = -1;
    try {
      // Linux: the first field is the thread's time on a CPU, in ns.
      String stat = Files.readString(Path.of("/proc/thread-self/schedstat"));
      threadCpu = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
    } catch (Exception e) {
      // not Linux: no thread CPU time
    }
    long processCpu =
        ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    System.out.println(label + " " + micros + " " + threadCpu + " " + processCpu);
  }

  private Timing() {}
}
