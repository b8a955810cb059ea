package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link TaskGraph} as a JSON-ready tree: its nodes and edges, deadlocked ones marked. */
public final class TaskGraphJson {
  private TaskGraphJson() {}

  public static Map<String, Object> view(TaskGraph graph) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (TaskGraph.Node node : graph.nodes()) {
      nodes.add(
          new JsonView()
              .put("id", node.id())
              .put("kind", node.kind().name())
              .put("label", node.label())
              .put("deadlocked", node.deadlocked())
              .toMap());
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    for (TaskGraph.Edge edge : graph.edges()) {
      edges.add(
          new JsonView()
              .put("from", edge.from())
              .put("to", edge.to())
              .put("kind", edge.kind().name())
              .put("label", edge.label())
              .put("deadlocked", edge.deadlocked())
              .toMap());
    }
    return new JsonView().put("nodes", nodes).put("edges", edges).toMap();
  }
}
