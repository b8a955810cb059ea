package dev.asyncinspect.cli;

import static dev.asyncinspect.cli.MonitorDumps.method;
import static dev.asyncinspect.cli.MonitorDumps.thread;

import java.util.List;

/**
 * A hand-built dump with an event history for the replay's tests, read with the real reader ({@link
 * MonitorDumps#read}). The agent's ring kept the events from {@code seq} 5 on, so the history is
 * not whole:
 *
 * <pre>
 * pos seq  t    task  state
 *  1   5   2s   #2    RUNNING     fetchUser starts (ASYNC)
 *  2   6   3s   #2    SUSPENDED
 *  3   7   4s   #3    QUEUED      work handed to the pool (SPAWNED)
 *  4   8   8s   #1    BLOCKED     loadProfile joins #2's future; its start (1s) was dropped
 *  5   9   9s   #3    RUNNING     on pool-1-thread-1
 *  6  10  10s   #3    COMPLETED
 *  7  11  11s   #9    RUNNING     a task the dump has no record of
 * </pre>
 *
 * #5 has no event at all: BLOCKED since 0.5s, before the history. The dump is at 20 s.
 */
final class ReplayDumps {
  static final List<String> HISTORY =
      List.of(
          MonitorDumps.HEADER,
          method(1, "UserService", "fetchUser", "ASYNC", "UserService.java"),
          method(2, "UserService", "loadProfile", "SYNC", "UserService.java"),
          method(3, "Worker", "run", "SYNC", "Worker.java"),
          "{\"type\":\"awaitPoint\",\"id\":1,\"method\":2,\"file\":\"UserService.java\",\"line\":28,"
              + "\"operation\":\"CompletableFuture.join\",\"kind\":\"FUTURE\",\"timed\":false}",
          "{\"type\":\"awaitPoint\",\"id\":2,\"method\":3,\"file\":\"Worker.java\",\"line\":40,"
              + "\"operation\":\"Thread.sleep\",\"kind\":\"SLEEP\",\"timed\":true}",
          thread(21, "loader"),
          thread(22, "pool-1-thread-1"),
          thread(23, "sleeper"),
          "{\"type\":\"task\",\"id\":1,\"method\":2,\"name\":\"UserService.loadProfile\","
              + "\"kind\":\"SYNC\",\"state\":\"BLOCKED\",\"thread\":21,\"startThread\":21,"
              + "\"start\":1000000000,\"stateSince\":8000000000,\"transitions\":2,"
              + "\"runningNanos\":7000000000,\"blockedNanos\":0,\"suspendedNanos\":0,"
              + "\"await\":{\"point\":1,\"object\":1,\"since\":8000000000}}",
          "{\"type\":\"task\",\"id\":2,\"method\":1,\"name\":\"UserService.fetchUser\","
              + "\"kind\":\"ASYNC\",\"state\":\"SUSPENDED\",\"parent\":1,\"startThread\":21,"
              + "\"start\":2000000000,\"stateSince\":3000000000,\"transitions\":2,"
              + "\"runningNanos\":1000000000,\"blockedNanos\":0,\"suspendedNanos\":0,"
              + "\"future\":1}",
          "{\"type\":\"task\",\"id\":3,\"method\":3,\"name\":\"CompletableFuture.supplyAsync at"
              + " Worker.java:12\",\"kind\":\"SPAWNED\",\"state\":\"COMPLETED\",\"parent\":2,"
              + "\"startThread\":21,\"start\":4000000000,\"end\":10000000000,"
              + "\"stateSince\":10000000000,\"transitions\":3,\"runningNanos\":1000000000,"
              + "\"blockedNanos\":0,\"suspendedNanos\":0}",
          "{\"type\":\"task\",\"id\":5,\"method\":3,\"name\":\"Worker.run\",\"kind\":\"SYNC\","
              + "\"state\":\"BLOCKED\",\"thread\":23,\"startThread\":23,\"start\":100000000,"
              + "\"stateSince\":500000000,\"transitions\":2,\"runningNanos\":400000000,"
              + "\"blockedNanos\":0,\"suspendedNanos\":0,"
              + "\"await\":{\"point\":2,\"since\":500000000}}",
          "{\"type\":\"object\",\"id\":1,\"kind\":\"FUTURE\","
              + "\"class\":\"java.util.concurrent.CompletableFuture\",\"identity\":\"5e9f23b4\","
              + "\"done\":false,\"producer\":2,\"waiters\":[1]}",
          "{\"type\":\"object\",\"id\":2,\"kind\":\"FUTURE\","
              + "\"class\":\"java.util.concurrent.CompletableFuture\",\"identity\":\"77aa01c2\","
              + "\"done\":true,\"state\":\"COMPLETED\",\"producer\":3}",
          event(5, 2_000_000_000L, 2, "RUNNING", null),
          event(6, 3_000_000_000L, 2, "SUSPENDED", null),
          event(7, 4_000_000_000L, 3, "QUEUED", null),
          event(8, 8_000_000_000L, 1, "BLOCKED", 1),
          event(9, 9_000_000_000L, 3, "RUNNING", null),
          event(10, 10_000_000_000L, 3, "COMPLETED", null),
          event(11, 11_000_000_000L, 9, "RUNNING", null),
          end(7));

  /** The end record of {@link #HISTORY} with {@code events} event records. */
  static String end(int events) {
    return "{\"type\":\"end\",\"counts\":{\"header\":1,\"method\":3,\"awaitPoint\":2,"
        + "\"thread\":3,\"task\":4,\"object\":2,\"event\":"
        + events
        + "},\"dropped\":{\"events\":5},\"totalTasks\":9}";
  }

  /** {@link #HISTORY} without its events: what a dump of an agent with no history holds. */
  static List<String> withoutEvents() {
    List<String> lines = new java.util.ArrayList<>(HISTORY.subList(0, 15));
    lines.add(end(0));
    return lines;
  }

  static String event(long seq, long t, long task, String state, Integer point) {
    return "{\"type\":\"event\",\"seq\":"
        + seq
        + ",\"t\":"
        + t
        + ",\"task\":"
        + task
        + ",\"state\":\""
        + state
        + "\""
        + (point == null ? "" : ",\"point\":" + point)
        + "}";
  }

  private ReplayDumps() {}
}
