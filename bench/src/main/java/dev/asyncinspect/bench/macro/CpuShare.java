package dev.asyncinspect.bench.macro;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * How much of a service's running Java code was an agent's own: of the JFR execution samples taken
 * in the measured phase, those whose innermost frame outside the JDK is in the agent's classes (so
 * JDK code the agent calls, such as the clock or a thread local, counts as the agent's, and the
 * application's code that the agent's wrappers run counts as the application's).
 *
 * <p>A throughput ratio measures everything the agent costs, but on a shared machine of two cores
 * its rounds vary by more than the 3 % budget; this share comes from one run and does not depend on
 * what else the machine did, so it compares two agents well. It is a share of the running Java
 * code, not of the CPU (native code, the collector and the compiler are not sampled), and it leaves
 * out what no sample shows: the collector's work for the agent's allocations, the compiler's for
 * its code, and the caches it takes from the application.
 */
record CpuShare(long samples, long agentSamples) {
  /** The share of async-inspect's agent, whose run-time classes one class of the JDK's joins. */
  static final Predicate<String> ASYNC_INSPECT =
      name ->
          name.startsWith("dev.asyncinspect.agent.")
              || name.equals("java.util.concurrent.AsyncInspectCompletion");

  /**
   * The OpenTelemetry Java agent's classes (its bootstrap, its shaded API and SDK, its helpers).
   */
  static final Predicate<String> OPENTELEMETRY = name -> name.startsWith("io.opentelemetry.");

  /**
   * What the service JVM is started with to take the samples: every millisecond of running Java
   * code.
   */
  static List<String> jvmArgs(Path recording, Path settings) {
    return List.of(
        "-XX:StartFlightRecording=settings="
            + settings.toAbsolutePath()
            + ",dumponexit=true,filename="
            + recording.toAbsolutePath());
  }

  /** The recording settings of {@link #jvmArgs}: execution samples and nothing else. */
  static String settings() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration version="2.0" label="async-inspect macro benchmark">
          <event name="jdk.ExecutionSample">
            <setting name="enabled">true</setting>
            <setting name="period">1 ms</setting>
          </event>
        </configuration>
        """;
  }

  double share() {
    return samples == 0 ? Double.NaN : (double) agentSamples / samples;
  }

  /** The samples of {@code recording} taken from {@code from} to {@code to}. */
  static CpuShare read(Path recording, Instant from, Instant to, Predicate<String> agent)
      throws IOException {
    long samples = 0;
    long agentSamples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStartTime().isBefore(from)
          || event.getStartTime().isAfter(to)
          || event.getStackTrace() == null) {
        continue;
      }
      List<String> classes = new ArrayList<>();
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        classes.add(frame.getMethod().getType().getName());
      }
      samples++;
      agentSamples += isAgents(classes, agent) ? 1 : 0;
    }
    return new CpuShare(samples, agentSamples);
  }

  /**
   * Whether a sample, its frames' classes innermost first, is the agent's: its innermost frame that
   * is not the JDK's is, or a frame of the agent's comes before any of the application's.
   */
  static boolean isAgents(List<String> classesInnermostFirst, Predicate<String> agent) {
    for (String name : classesInnermostFirst) {
      if (agent.test(name)) {
        return true;
      }
      if (!isJdk(name)) {
        return false;
      }
    }
    return false;
  }

  private static boolean isJdk(String name) {
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")
        || name.startsWith("com.sun.");
  }
}
