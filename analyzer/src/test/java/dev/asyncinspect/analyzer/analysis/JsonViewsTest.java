package dev.asyncinspect.analyzer.analysis;

import static dev.asyncinspect.analyzer.analysis.ShopDump.MS;
import static dev.asyncinspect.analyzer.analysis.ShopDump.US;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonViewsTest {

  @Test
  @SuppressWarnings("unchecked")
  void callGraph() {
    Map<String, Object> view = CallGraphJson.view(CallGraph.of(ShopDump.build()));

    assertThat(view.keySet()).containsExactly("wallSpanNanos", "bottleneckShare", "nodes", "edges");
    assertThat(view.get("wallSpanNanos")).isEqualTo(90 * MS);
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) view.get("nodes");
    assertThat(nodes).hasSize(5);
    Map<String, Object> charge = nodes.get(2);
    assertThat(charge)
        .containsEntry("id", 3)
        .containsEntry("class", "demo.PaymentClient")
        .containsEntry("method", "charge")
        .containsEntry("name", "PaymentClient.charge")
        .containsEntry("kind", "ASYNC")
        .containsEntry("file", "PaymentClient.java")
        .containsEntry("calls", 2L)
        .containsEntry("callsSinceStart", 3L)
        .containsEntry("selfNanos", 63500 * US)
        .containsEntry("asyncUse", "ASYNC_WHERE_NEEDED")
        .containsEntry("bottleneck", true);
    List<Map<String, Object>> edges = (List<Map<String, Object>>) view.get("edges");
    assertThat(edges.get(3))
        .containsExactly(
            Map.entry("from", 1),
            Map.entry("to", 3),
            Map.entry("kind", "AWAITS"),
            Map.entry("count", 2L),
            Map.entry("totalNanos", 59500 * US),
            Map.entry("maxNanos", 31500 * US),
            Map.entry("inferred", 1L));
  }

  @Test
  void unknownFieldsAreOmittedNotNull() {
    DumpBuilder dump = new DumpBuilder(10);
    dump.method(1, "Repo.load", dev.asyncinspect.analyzer.dump.TaskKind.SYNC);
    Map<String, Object> view = CallGraphJson.view(CallGraph.of(dump.build()));
    @SuppressWarnings("unchecked")
    Map<String, Object> node = ((List<Map<String, Object>>) view.get("nodes")).get(0);
    assertThat(node).doesNotContainKey("callsSinceStart").doesNotContainValue(null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void statistics() {
    Map<String, Object> view = StatisticsJson.view(Statistics.of(ShopDump.build()));

    assertThat(view.keySet()).containsExactly("methods", "awaitPoints", "spawnPoints");
    Map<String, Object> method = ((List<Map<String, Object>>) view.get("methods")).get(0);
    assertThat(method.keySet())
        .containsExactly(
            "method",
            "name",
            "source",
            "count",
            "failed",
            "totalNanos",
            "p50Nanos",
            "p95Nanos",
            "p99Nanos",
            "maxNanos",
            "cancelled",
            "runningNanos",
            "blockedNanos",
            "suspendedNanos",
            "live");
    Map<String, Object> point = ((List<Map<String, Object>>) view.get("awaitPoints")).get(1);
    assertThat(point)
        .containsEntry("rank", 2)
        .containsEntry("point", 2)
        .containsEntry("operation", "CompletableFuture.join")
        .containsEntry("line", 26)
        .containsEntry("kind", "FUTURE")
        .containsEntry("waitingNow", 1L)
        .containsEntry("totalWaitedNanos", 1600 * US + 28 * MS);
  }
}
