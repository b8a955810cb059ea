package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistics as a JSON-ready tree of {@code Map}s and {@code List}s with a stable shape
 * (documented in docs/cli.md, {@code export --format json}); times in nanoseconds:
 *
 * <pre>
 * {"methods": [{"method": 2, "name": "Pipeline.fetch", "source": "AGENT", "count": 3,
 *               "failed": 0, "cancelled": 0, "totalNanos": 6388757, "p50Nanos": 1114111,
 *               "p95Nanos": 4129794, "p99Nanos": 4129794, "maxNanos": 4129794,
 *               "runningNanos": 5475655, "blockedNanos": 0, "suspendedNanos": 913102, "live": 0}],
 *  "awaitPoints": [{"rank": 1, "point": 1, "method": 1, "operation": "CompletableFuture.join",
 *                   "file": "Pipeline.java", "line": 37, "kind": "FUTURE", "timed": false,
 *                   "source": "AGENT", "count": 1, "failed": 0, "totalNanos": 18147, ...,
 *                   "waitingNow": 0, "waitingNanos": 0, "totalWaitedNanos": 18147}],
 *  "spawnPoints": [{"spawnPoint": 1, "method": 1, "operation": "ThreadPoolExecutor.submit",
 *                   "file": "Pipeline.java", "line": 30, "source": "AGENT", "count": 4, ...,
 *                   "cancelled": 0, "queuedNanos": 5100, "runningNanos": 912000,
 *                   "blockedNanos": 0, "suspendedNanos": 0, "live": 0, "queuedNow": 0}]}
 * </pre>
 */
public final class StatisticsJson {
  private StatisticsJson() {}

  /** The JSON-ready view of the statistics. */
  public static Map<String, Object> view(Statistics statistics) {
    List<Object> methods = new ArrayList<>();
    for (MethodStatistics method : statistics.methods()) {
      JsonView view =
          new JsonView()
              .put("method", method.method().id())
              .put("name", method.method().task())
              .put("source", method.source().name());
      durations(view, method.durations())
          .put("cancelled", method.cancelled())
          .put("runningNanos", method.runningNanos())
          .put("blockedNanos", method.blockedNanos())
          .put("suspendedNanos", method.suspendedNanos())
          .put("live", method.live());
      methods.add(view.toMap());
    }
    List<Object> points = new ArrayList<>();
    int rank = 0;
    for (AwaitPointStatistics point : statistics.awaitPoints()) {
      JsonView view =
          new JsonView()
              .put("rank", ++rank)
              .put("point", point.point().id())
              .put("method", point.point().method())
              .put("operation", point.point().operation())
              .put("file", point.point().file())
              .put("line", point.point().line())
              .put("kind", point.point().kind().name())
              .put("timed", point.point().timed())
              .put("source", point.source().name());
      durations(view, point.waits())
          .put("waitingNow", point.waitingNow())
          .put("waitingNanos", point.waitingNanos())
          .put("totalWaitedNanos", point.totalWaitedNanos());
      points.add(view.toMap());
    }
    List<Object> spawns = new ArrayList<>();
    for (SpawnPointStatistics spawn : statistics.spawnPoints()) {
      JsonView view =
          new JsonView()
              .put("spawnPoint", spawn.point().id())
              .put("method", spawn.point().method())
              .put("operation", spawn.point().operation())
              .put("file", spawn.point().file())
              .put("line", spawn.point().line())
              .put("source", spawn.source().name());
      durations(view, spawn.tasks())
          .put("cancelled", spawn.cancelled())
          .put("queuedNanos", spawn.queuedNanos())
          .put("runningNanos", spawn.runningNanos())
          .put("blockedNanos", spawn.blockedNanos())
          .put("suspendedNanos", spawn.suspendedNanos())
          .put("live", spawn.live())
          .put("queuedNow", spawn.queuedNow());
      spawns.add(view.toMap());
    }
    return new JsonView()
        .put("methods", methods)
        .put("awaitPoints", points)
        .put("spawnPoints", spawns)
        .toMap();
  }

  private static JsonView durations(JsonView view, DurationSummary d) {
    return view.put("count", d.count())
        .put("failed", d.failed())
        .put("totalNanos", d.totalNanos())
        .put("p50Nanos", d.p50Nanos())
        .put("p95Nanos", d.p95Nanos())
        .put("p99Nanos", d.p99Nanos())
        .put("maxNanos", d.maxNanos());
  }
}
