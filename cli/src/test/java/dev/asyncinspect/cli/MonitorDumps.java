package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Hand-built snapshots for the monitor's tests, written in the dump format and read back with the
 * real reader, so that they are what the control channel's SNAPSHOT gives. The dump's moment is 20
 * s after the agent's origin.
 */
final class MonitorDumps {
  static final String HEADER =
      "{\"type\":\"header\",\"format\":\"async-inspect-dump\",\"version\":\"1.1\","
          + "\"agentVersion\":\"0.1.0\",\"jvm\":{\"name\":\"OpenJDK 64-Bit Server VM\","
          + "\"vendor\":\"Debian\",\"version\":\"17.0.15+6\"},\"pid\":4242,"
          + "\"mainClass\":\"demo.OrderService\",\"startTime\":\"2026-11-21T10:00:00.000Z\","
          + "\"dumpTime\":\"2026-11-21T10:00:20.000Z\",\"dumpNanos\":20000000000,"
          + "\"reason\":\"request\",\"options\":{}}";

  /**
   * A service with one task of each live state and one finished: #1 blocked 12 s on the future of
   * #2 (suspended 1 s), #3 running, #4 queued 3 s, #5 completed; #1 and #3 have threads.
   */
  static final List<String> SERVICE =
      List.of(
          HEADER,
          method(1, "UserService", "fetchUser", "ASYNC", "UserService.java"),
          method(2, "UserService", "loadProfile", "SYNC", "UserService.java"),
          method(3, "Worker", "run", "SYNC", "Worker.java"),
          "{\"type\":\"awaitPoint\",\"id\":1,\"method\":2,\"file\":\"UserService.java\",\"line\":28,"
              + "\"operation\":\"CompletableFuture.join\",\"kind\":\"FUTURE\",\"timed\":false}",
          thread(21, "loader"),
          thread(22, "pool-1-thread-1"),
          "{\"type\":\"task\",\"id\":1,\"method\":2,\"name\":\"UserService.loadProfile\","
              + "\"kind\":\"SYNC\",\"state\":\"BLOCKED\",\"thread\":21,\"start\":1000000000,"
              + "\"stateSince\":8000000000,\"transitions\":2,\"runningNanos\":0,"
              + "\"blockedNanos\":0,\"suspendedNanos\":0,"
              + "\"await\":{\"point\":1,\"object\":1,\"since\":8000000000}}",
          task(2, 1, "UserService.fetchUser", "ASYNC", "SUSPENDED", 19_000_000_000L, 1L, null)
              .replace("}", ",\"future\":1}"),
          task(3, 3, "Worker.run", "SYNC", "RUNNING", 19_500_000_000L, null, 22L),
          task(
              4,
              3,
              "CompletableFuture.supplyAsync at Worker.java:12",
              "SPAWNED",
              "QUEUED",
              17_000_000_000L,
              3L,
              null),
          task(5, 3, "Worker.run", "SYNC", "COMPLETED", 2_000_000_000L, null, null)
              .replace("}", ",\"end\":2000000000}"),
          "{\"type\":\"object\",\"id\":1,\"kind\":\"FUTURE\","
              + "\"class\":\"java.util.concurrent.CompletableFuture\",\"identity\":\"5e9f23b4\","
              + "\"done\":false,\"producer\":2,\"waiters\":[1]}",
          "{\"type\":\"event\",\"seq\":0,\"t\":1000000000,\"task\":1,\"state\":\"RUNNING\"}",
          "{\"type\":\"event\",\"seq\":1,\"t\":8000000000,\"task\":1,\"state\":\"BLOCKED\",\"point\":1}");

  static String method(int id, String owner, String name, String kind, String file) {
    return "{\"type\":\"method\",\"id\":"
        + id
        + ",\"class\":\"demo."
        + owner
        + "\",\"name\":\""
        + name
        + "\",\"descriptor\":\"()V\",\"task\":\""
        + owner
        + "."
        + name
        + "\",\"kind\":\""
        + kind
        + "\",\"file\":\""
        + file
        + "\",\"line\":10}";
  }

  static String thread(long id, String name) {
    return "{\"type\":\"thread\",\"id\":"
        + id
        + ",\"name\":\""
        + name
        + "\",\"virtual\":false,\"state\":\"RUNNABLE\",\"daemon\":false}";
  }

  /** A task record; {@code since} is its {@code stateSince} and {@code start}. */
  static String task(
      long id,
      int method,
      String name,
      String kind,
      String state,
      long since,
      Long parent,
      Long thread) {
    return "{\"type\":\"task\",\"id\":"
        + id
        + ",\"method\":"
        + method
        + ",\"name\":\""
        + name
        + "\",\"kind\":\""
        + kind
        + "\",\"state\":\""
        + state
        + "\""
        + (parent == null ? "" : ",\"parent\":" + parent)
        + (thread == null ? "" : ",\"thread\":" + thread)
        + ",\"start\":"
        + since
        + ",\"stateSince\":"
        + since
        + ",\"transitions\":1,\"runningNanos\":0,\"blockedNanos\":0,\"suspendedNanos\":0}";
  }

  /** The lines read as a dump (without an end record: the monitor does not look at it). */
  static Dump read(Path dir, List<String> lines) {
    try {
      Path file = Files.createTempFile(dir, "snapshot", ".aidump.jsonl");
      StringBuilder text = new StringBuilder();
      for (String line : lines) {
        text.append(line).append('\n');
      }
      Files.writeString(file, text);
      return DumpReader.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MonitorDumps() {}
}
