package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.MethodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The call graph as a JSON-ready tree of {@code Map}s, {@code List}s, strings, numbers and
 * booleans, with a stable shape (documented in docs/cli.md, {@code export --format json}):
 *
 * <pre>
 * {"wallSpanNanos": 6970462, "bottleneckShare": 0.2,
 *  "nodes": [{"id": 2, "class": "demo.Pipeline", "method": "fetch", "name": "Pipeline.fetch",
 *             "kind": "ASYNC", "file": "Pipeline.java", "line": 47, "calls": 3, "spawned": 0,
 *             "callsSinceStart": 3, "totalNanos": 6388757, "selfNanos": 6388757,
 *             "wallShare": 0.9165, "asyncUse": "ASYNC_WHERE_NEEDED", "bottleneck": true}],
 *  "edges": [{"from": 1, "to": 2, "kind": "CALLS", "count": 3, "totalNanos": 6388757,
 *             "maxNanos": 4129794, "inferred": 0}]}
 * </pre>
 *
 * Fields that are unknown ({@code file}, {@code line}, {@code callsSinceStart}) are omitted.
 */
public final class CallGraphJson {
  private CallGraphJson() {}

  /** The JSON-ready view of a call graph. */
  public static Map<String, Object> view(CallGraph graph) {
    List<Object> nodes = new ArrayList<>();
    for (MethodNode node : graph.nodes()) {
      MethodInfo method = node.method();
      nodes.add(
          new JsonView()
              .put("id", node.id())
              .put("class", method.className())
              .put("method", method.name())
              .put("name", node.name())
              .put("kind", method.kind().name())
              .put("file", method.file())
              .put("line", method.line())
              .put("calls", node.calls())
              .put("spawned", node.spawned())
              .put("callsSinceStart", node.callsSinceStart() < 0 ? null : node.callsSinceStart())
              .put("totalNanos", node.totalNanos())
              .put("selfNanos", node.selfNanos())
              .put("wallShare", node.wallShare())
              .put("asyncUse", node.asyncUse().name())
              .put("bottleneck", node.bottleneck())
              .toMap());
    }
    List<Object> edges = new ArrayList<>();
    for (CallEdge edge : graph.edges()) {
      edges.add(
          new JsonView()
              .put("from", edge.from())
              .put("to", edge.to())
              .put("kind", edge.kind().name())
              .put("count", edge.count())
              .put("totalNanos", edge.totalNanos())
              .put("maxNanos", edge.maxNanos())
              .put("inferred", edge.inferred())
              .toMap());
    }
    return new JsonView()
        .put("wallSpanNanos", graph.wallSpanNanos())
        .put("bottleneckShare", CallGraph.BOTTLENECK_SHARE)
        .put("nodes", nodes)
        .put("edges", edges)
        .toMap();
  }
}
