package dev.asyncinspect.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A valid dump of many tasks made from a seed, for {@link DumpFuzzTest}: tasks of every kind and
 * state with parents, futures and their producers, locks and their holders, an executor, events and
 * statistics, and an end record whose counts agree.
 */
final class GeneratedDump {
  private static final String[] STATES = {
    "QUEUED", "RUNNING", "BLOCKED", "SUSPENDED", "COMPLETED", "FAILED", "CANCELLED"
  };

  private GeneratedDump() {}

  static String lines(Random random, int tasks) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    long dumpNanos = 60_000_000_000L;
    add(
        lines,
        counts,
        "header",
        "{\"type\":\"header\",\"format\":\"async-inspect-dump\",\"version\":\"1.1\","
            + "\"agentVersion\":\"0.1.0\",\"jvm\":{\"name\":\"OpenJDK\"},\"pid\":77,"
            + "\"mainClass\":\"demo.Generated\",\"startTime\":\"2026-11-21T10:00:00Z\","
            + "\"dumpTime\":\"2026-11-21T10:01:00Z\",\"dumpNanos\":"
            + dumpNanos
            + ",\"reason\":\"exit\",\"options\":{\"stuck\":\"5s\"}}");
    String[] kinds = {"ASYNC", "SYNC", "SYNC", "ASYNC"};
    for (int m = 1; m <= 4; m++) {
      add(
          lines,
          counts,
          "method",
          "{\"type\":\"method\",\"id\":"
              + m
              + ",\"class\":\"demo.Gen\",\"name\":\"m"
              + m
              + "\",\"descriptor\":\"()V\",\"task\":\"Gen.m"
              + m
              + "\",\"kind\":\""
              + kinds[m - 1]
              + "\",\"file\":\"Gen.java\",\"line\":"
              + (10 * m)
              + "}");
    }
    String[] pointKinds = {"FUTURE", "LOCK", "SLEEP"};
    String[] operations = {"CompletableFuture.join", "Lock.lock", "Thread.sleep"};
    for (int p = 1; p <= 3; p++) {
      add(
          lines,
          counts,
          "awaitPoint",
          "{\"type\":\"awaitPoint\",\"id\":"
              + p
              + ",\"method\":"
              + p
              + ",\"file\":\"Gen.java\",\"line\":"
              + (10 * p + 5)
              + ",\"operation\":\""
              + operations[p - 1]
              + "\",\"kind\":\""
              + pointKinds[p - 1]
              + "\",\"timed\":false}");
    }
    for (int t = 1; t <= 5; t++) {
      add(
          lines,
          counts,
          "thread",
          "{\"type\":\"thread\",\"id\":"
              + (20 + t)
              + ",\"name\":\"worker-"
              + t
              + "\",\"virtual\":"
              + (t == 5)
              + ",\"state\":\"WAITING\",\"daemon\":false}");
    }
    int futures = tasks;
    int firstLock = futures + 1;
    int locks = 4;
    int executor = firstLock + locks;
    List<String> events = new ArrayList<>();
    long seq = 3;
    for (int id = 1; id <= tasks; id++) {
      String state = STATES[random.nextInt(STATES.length)];
      int method = 1 + random.nextInt(4);
      boolean spawned = state.equals("QUEUED") || random.nextInt(5) == 0;
      String kind = spawned ? "SPAWNED" : kinds[method - 1];
      long start = 1_000_000L * (1 + random.nextInt(50_000));
      long since = start + random.nextInt(1_000_000);
      boolean terminal =
          state.equals("COMPLETED") || state.equals("FAILED") || state.equals("CANCELLED");
      StringBuilder task =
          new StringBuilder(
              "{\"type\":\"task\",\"id\":"
                  + id
                  + ",\"method\":"
                  + method
                  + ",\"name\":\"Gen.m"
                  + method
                  + "\",\"kind\":\""
                  + kind
                  + "\",\"state\":\""
                  + state
                  + "\"");
      if (id > 1 && random.nextBoolean()) {
        task.append(",\"parent\":").append(1 + random.nextInt(id - 1));
      }
      if (state.equals("RUNNING") || state.equals("BLOCKED")) {
        task.append(",\"thread\":").append(21 + random.nextInt(5));
      }
      task.append(",\"startThread\":21,\"start\":").append(start);
      if (terminal) {
        task.append(",\"end\":").append(since);
      }
      task.append(",\"stateSince\":")
          .append(since)
          .append(",\"transitions\":2,")
          .append("\"runningNanos\":1,\"blockedNanos\":2,\"suspendedNanos\":3");
      if (state.equals("BLOCKED")) {
        int point = 1 + random.nextInt(3);
        task.append(",\"await\":{\"point\":").append(point);
        if (point == 1) {
          task.append(",\"object\":").append(1 + random.nextInt(futures));
        } else if (point == 2) {
          task.append(",\"object\":").append(firstLock + random.nextInt(locks));
        }
        task.append(",\"since\":").append(since).append('}');
      }
      if (kind.equals("ASYNC")) {
        task.append(",\"future\":").append(id);
      }
      if (!terminal && random.nextInt(4) == 0) {
        task.append(",\"holds\":[").append(firstLock + random.nextInt(locks)).append(']');
      }
      if (state.equals("FAILED")) {
        task.append(",\"error\":{\"class\":\"java.lang.IllegalStateException\",\"message\":")
            .append("\"boom\",\"stack\":[{\"class\":\"demo.Gen\",\"method\":\"m1\",")
            .append("\"file\":\"Gen.java\",\"line\":12}]}");
      }
      if (spawned) {
        task.append(",\"spawnPoint\":1");
        if (!terminal) {
          task.append(",\"executor\":").append(executor);
        }
      }
      add(lines, counts, "task", task.append('}').toString());
      events.add(event(seq++, start, id, spawned ? "QUEUED" : "RUNNING", null));
      events.add(event(seq++, since, id, state, state.equals("BLOCKED") ? 1 : null));
    }
    // Objects come after the tasks; the spawn point before them.
    lines.add(
        lines.size() - tasks,
        "{\"type\":\"spawnPoint\",\"id\":1,\"method\":1,\"file\":\"Gen.java\",\"line\":11,"
            + "\"operation\":\"CompletableFuture.supplyAsync\"}");
    counts.put("spawnPoint", 1);
    for (int f = 1; f <= futures; f++) {
      boolean done = random.nextBoolean();
      add(
          lines,
          counts,
          "object",
          "{\"type\":\"object\",\"id\":"
              + f
              + ",\"kind\":\"FUTURE\",\"class\":"
              + "\"java.util.concurrent.CompletableFuture\",\"identity\":\""
              + Integer.toHexString(f)
              + "\",\"done\":"
              + done
              + (done ? ",\"state\":\"COMPLETED\"" : "")
              + ",\"producer\":"
              + (1 + random.nextInt(tasks))
              + "}");
    }
    for (int l = firstLock; l < firstLock + locks; l++) {
      add(
          lines,
          counts,
          "object",
          "{\"type\":\"object\",\"id\":"
              + l
              + ",\"kind\":\"LOCK\",\"class\":"
              + "\"java.util.concurrent.locks.ReentrantLock\",\"identity\":\"l"
              + l
              + "\",\"holders\":["
              + (1 + random.nextInt(tasks))
              + "],\"locked\":true}");
    }
    add(
        lines,
        counts,
        "object",
        "{\"type\":\"object\",\"id\":"
            + executor
            + ",\"kind\":\"EXECUTOR\",\"class\":"
            + "\"java.util.concurrent.ThreadPoolExecutor\",\"identity\":\"e1\","
            + "\"executorKind\":\"THREAD_POOL\",\"poolSize\":2,\"corePoolSize\":2,"
            + "\"maximumPoolSize\":2,\"activeCount\":2,\"queueSize\":1}");
    add(
        lines,
        counts,
        "methodStats",
        "{\"type\":\"methodStats\",\"method\":1,\"count\":3,\"failed\":1,\"cancelled\":0,"
            + "\"totalNanos\":300,\"maxNanos\":200,\"runningNanos\":100,\"blockedNanos\":100,"
            + "\"suspendedNanos\":100,\"histogram\":[[40,2],[50,1]]}");
    events.sort(
        (a, b) ->
            Long.compare(
                Long.parseLong(a.split("\"t\":")[1].split(",")[0]),
                Long.parseLong(b.split("\"t\":")[1].split(",")[0])));
    for (String event : events) {
      add(lines, counts, "event", event);
    }
    StringBuilder countsJson = new StringBuilder();
    counts.forEach(
        (type, n) ->
            countsJson
                .append(countsJson.length() == 0 ? "" : ",")
                .append('"')
                .append(type)
                .append("\":")
                .append(n));
    lines.add(
        "{\"type\":\"end\",\"counts\":{"
            + countsJson
            + "},\"dropped\":{\"events\":3},"
            + "\"totalTasks\":"
            + tasks
            + "}");
    return String.join("\n", lines) + "\n";
  }

  private static String event(long seq, long t, long task, String state, Integer point) {
    return ReplayDumps.event(seq, t, task, state, point);
  }

  private static void add(
      List<String> lines, Map<String, Integer> counts, String type, String line) {
    lines.add(line);
    counts.merge(type, 1, Integer::sum);
  }
}
