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
    return new JsonLine()
        .begin()
        .field("pid", ProcessHandle.current().pid())
        .field("mainClass", DumpWriter.mainClass())
        .field("agentVersion", agentVersion)
        .field("startTime", Instant.ofEpochMilli(recorder.originEpochMillis).toString())
        .field("uptimeMillis", recorder.now() / 1_000_000)
        .field("liveTasks", recorder.liveCount())
        .field("stuckTasks", recorder.waitingLongerThan(stuckMillis * 1_000_000).length / 2)
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
