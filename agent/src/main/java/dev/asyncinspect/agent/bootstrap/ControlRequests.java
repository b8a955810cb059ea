package dev.asyncinspect.agent.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Answers the control channel's requests (docs/control-channel.md). */
final class ControlRequests {
  private final DumpWriter writer;
  private final Recorder recorder;
  private final String agentVersion;
  private final long stuckMillis;

  ControlRequests(DumpWriter writer, Recorder recorder, String agentVersion, long stuckMillis) {
    this.writer = writer;
    this.recorder = recorder;
    this.agentVersion = agentVersion;
    this.stuckMillis = stuckMillis;
  }

  void answer(String request, OutputStream out) throws IOException {
    switch (request) {
      case "INFO":
        line(out, info());
        break;
      case "DUMP":
        writer.write(out, "request", DumpWriter.Content.FULL);
        break;
      case "SNAPSHOT":
        writer.write(out, "request", DumpWriter.Content.LIVE);
        break;
      case "STATS":
        writer.write(out, "request", DumpWriter.Content.STATS);
        break;
      default:
        error(
            out,
            "unknown request '"
                + (request.length() > 40 ? request.substring(0, 40) + "..." : request)
                + "'; requests are INFO, SNAPSHOT, DUMP, STATS");
    }
  }

  /** Who this JVM is and how its tasks are: what {@code async-inspect ps} lists. */
  private String info() {
    long now = recorder.now();
    long live = 0;
    long stuck = 0;
    long threshold = stuckMillis * 1_000_000;
    for (int slot = 0; slot < recorder.liveCapacity(); slot++) {
      TaskRecord task = recorder.liveAt(slot);
      if (task == null) {
        continue;
      }
      live++;
      int state = task.state;
      boolean waiting =
          state == TaskStates.BLOCKED
              || state == TaskStates.SUSPENDED
              || state == TaskStates.QUEUED;
      if (waiting && now - task.stateSince >= threshold) {
        stuck++;
      }
    }
    String command = System.getProperty("sun.java.command", "");
    return new JsonLine()
        .begin()
        .field("pid", ProcessHandle.current().pid())
        .field("mainClass", command.isBlank() ? null : command.trim().split("\\s+", 2)[0])
        .field("agentVersion", agentVersion)
        .field("startTime", Instant.ofEpochMilli(recorder.originEpochMillis).toString())
        .field("uptimeMillis", now / 1_000_000)
        .field("liveTasks", live)
        .field("stuckTasks", stuck)
        .field("stuckThresholdMillis", stuckMillis)
        .end();
  }

  static void error(OutputStream out, String message) throws IOException {
    line(out, new JsonLine().begin().field("error", message).end());
  }

  private static void line(OutputStream out, String json) throws IOException {
    out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
