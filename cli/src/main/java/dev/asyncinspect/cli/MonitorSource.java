package dev.asyncinspect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The monitored JVM, through its control channel: the stuck threshold it uses ({@code INFO}),
 * snapshots of its live tasks ({@code SNAPSHOT}), and full dumps ({@code DUMP}).
 */
final class MonitorSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DEFAULT_STUCK_MILLIS = 10_000;

  private final long pid;

  private MonitorSource(long pid) {
    this.pid = pid;
  }

  /** The JVM's channel; fails with one line for users when there is none. */
  static MonitorSource of(long pid) throws JvmAccessException {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      throw new JvmAccessException("no process " + pid);
    }
    if (!Files.exists(ControlSockets.socketOf(pid))) {
      throw new JvmAccessException(
          "JVM "
              + pid
              + " has no async-inspect control channel: start it with"
              + " -javaagent:async-inspect-agent.jar, or run 'async-inspect dump "
              + pid
              + "' first (it loads the agent)");
    }
    return new MonitorSource(pid);
  }

  long pid() {
    return pid;
  }

  /** The JVM's stuck threshold ({@code stuckThresholdMillis} of INFO), in nanoseconds. */
  long stuckThresholdNanos() throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    ControlSockets.request(pid, "INFO", answer);
    JsonNode info = JSON.readTree(answer.toString(StandardCharsets.UTF_8));
    if (info.has("error")) {
      throw new JvmAccessException("JVM " + pid + " refused INFO: " + info.path("error").asText());
    }
    return info.path("stuckThresholdMillis").asLong(DEFAULT_STUCK_MILLIS) * 1_000_000;
  }

  /** A snapshot of the live tasks, read through a private temporary file. */
  Dump snapshot() throws IOException {
    Path file = Files.createTempFile("async-inspect-" + pid + "-", ".aidump.jsonl");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        ControlSockets.request(pid, "SNAPSHOT", out);
      }
      return DumpReader.read(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Writes a full dump to {@code async-inspect-PID.aidump.jsonl} here; returns where. */
  Path writeDump() throws IOException {
    Path target = Path.of("async-inspect-" + pid + ".aidump.jsonl");
    AtomicFile.write(target, out -> ControlSockets.request(pid, "DUMP", out));
    return target;
  }
}
