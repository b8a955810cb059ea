package dev.asyncinspect.analyzer.html;

import dev.asyncinspect.analyzer.analysis.AsyncUse;
import dev.asyncinspect.analyzer.analysis.CallEdge;
import dev.asyncinspect.analyzer.analysis.CallGraph;
import dev.asyncinspect.analyzer.analysis.CallGraphText;
import dev.asyncinspect.analyzer.analysis.EdgeKind;
import dev.asyncinspect.analyzer.analysis.GraphLabels;
import dev.asyncinspect.analyzer.analysis.MethodNode;
import dev.asyncinspect.analyzer.analysis.TaskGraph;
import dev.asyncinspect.analyzer.analysis.TaskGraphs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The two graph drawings of the report: the relationships of tasks and objects, and the call graph.
 */
final class GraphSections {
  private GraphSections() {}

  /** The most nodes the relationship drawing gets. */
  static final int MAX_NODES = 150;

  /**
   * The relationship graph ({@link TaskGraphs#relations}) as a drawing: only nodes with a relation,
   * at most {@link #MAX_NODES}: those of deadlocks first, then stuck tasks, then the nodes of
   * waits, then the others in the graph's order.
   */
  static void relationships(Page page, TaskGraph graph, Set<Long> stuckTasks) {
    page.raw("<section id=\"relationships\">\n<h2>Relationships</h2>\n");
    page.element(
        "p",
        "note",
        "Who waits on what, who is to complete or release it, and which task started which."
            + " Deadlocks in red, stuck tasks in orange.");
    Set<String> stuck = new HashSet<>();
    stuckTasks.forEach(id -> stuck.add("t" + id));
    Set<String> related = new LinkedHashSet<>();
    Set<String> waiting = new LinkedHashSet<>();
    for (TaskGraph.Edge edge : graph.edges()) {
      related.add(edge.from());
      related.add(edge.to());
      if (edge.kind() != TaskGraph.EdgeKind.STARTED) {
        waiting.add(edge.from());
        waiting.add(edge.to());
      }
    }
    Set<String> kept = new LinkedHashSet<>();
    graph.nodes().stream().filter(TaskGraph.Node::deadlocked).forEach(n -> kept.add(n.id()));
    for (Set<String> group : List.of(stuck, waiting, related)) {
      for (TaskGraph.Node node : graph.nodes()) {
        if (kept.size() < MAX_NODES && group.contains(node.id()) && related.contains(node.id())) {
          kept.add(node.id());
        }
      }
    }
    if (kept.isEmpty()) {
      page.element("p", "none", "no task waits on anything, and no task started another");
    } else {
      page.raw("<div class=\"scroll\">")
          .raw(SvgDiagram.render(diagram(graph, kept, stuck)))
          .raw("</div>\n");
    }
    if (related.size() > kept.size()) {
      page.element(
          "p",
          "note",
          (related.size() - kept.size())
              + " more related tasks and objects not drawn (at most "
              + MAX_NODES
              + ")");
    }
    page.raw("</section>\n");
  }

  static Diagram diagram(TaskGraph graph, Set<String> kept, Set<String> stuck) {
    Map<String, Integer> index = new HashMap<>();
    List<Diagram.Node> nodes = new ArrayList<>();
    for (TaskGraph.Node node : graph.nodes()) {
      if (kept.contains(node.id())) {
        index.put(node.id(), nodes.size());
        String classes =
            node.kind().toString().toLowerCase(Locale.ROOT)
                + (node.deadlocked() ? " deadlocked" : "")
                + (stuck.contains(node.id()) ? " stuck" : "");
        nodes.add(new Diagram.Node(node.id(), node.label(), classes));
      }
    }
    List<Diagram.Edge> edges = new ArrayList<>();
    for (TaskGraph.Edge edge : graph.edges()) {
      Integer from = index.get(edge.from());
      Integer to = index.get(edge.to());
      if (from != null && to != null) {
        String kind = edge.kind().toString().toLowerCase(Locale.ROOT);
        edges.add(
            new Diagram.Edge(
                from, to, edge.label(), kind + (edge.deadlocked() ? " deadlocked hot" : "")));
      }
    }
    return new Diagram("relationship-graph", nodes, edges);
  }

  static void callGraph(Page page, CallGraph graph) {
    page.raw("<section id=\"call-graph\">\n<h2>Call graph</h2>\n");
    page.element(
        "p",
        "note",
        "Traced methods; solid arrows are calls, dashed arrows waits on futures. Bottlenecks in"
            + " red, methods that could be synchronous dashed.");
    if (graph.nodes().isEmpty()) {
      page.element("p", "none", "no traced method");
    } else {
      page.raw("<div class=\"scroll\">").raw(SvgDiagram.render(diagram(graph))).raw("</div>\n");
    }
    page.raw("<details><summary>as text</summary>\n");
    page.pre("", CallGraphText.render(graph, false)).raw("\n</details>\n</section>\n");
  }

  static Diagram diagram(CallGraph graph) {
    Map<Integer, Integer> index = new HashMap<>();
    List<Diagram.Node> nodes = new ArrayList<>();
    for (MethodNode node : graph.nodes()) {
      index.put(node.id(), nodes.size());
      String classes =
          "method"
              + (node.bottleneck() ? " bottleneck" : "")
              + (node.asyncUse() == AsyncUse.COULD_BE_SYNCHRONOUS ? " could-be-sync" : "");
      nodes.add(
          new Diagram.Node(
              GraphLabels.nodeId(node.id()), List.of(GraphLabels.node(node)), classes));
    }
    List<Diagram.Edge> edges = new ArrayList<>();
    for (CallEdge edge : graph.edges()) {
      Integer from = index.get(edge.from());
      Integer to = index.get(edge.to());
      if (from != null && to != null) {
        edges.add(
            new Diagram.Edge(
                from,
                to,
                GraphLabels.edge(edge),
                edge.kind() == EdgeKind.CALLS ? "calls" : "awaits"));
      }
    }
    return new Diagram("call-graph-drawing", nodes, edges);
  }
}
