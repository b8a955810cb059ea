package dev.asyncinspect.analyzer.html;

import dev.asyncinspect.analyzer.analysis.AsyncUse;
import dev.asyncinspect.analyzer.analysis.CallEdge;
import dev.asyncinspect.analyzer.analysis.CallGraph;
import dev.asyncinspect.analyzer.analysis.CallGraphText;
import dev.asyncinspect.analyzer.analysis.EdgeKind;
import dev.asyncinspect.analyzer.analysis.GraphLabels;
import dev.asyncinspect.analyzer.analysis.MethodNode;
import dev.asyncinspect.analyzer.analysis.RelationshipGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two graph drawings of the report: the relationships of tasks and objects, and the call graph.
 */
final class GraphSections {
  private GraphSections() {}

  static void relationships(Page page, RelationshipGraph graph) {
    page.raw("<section id=\"relationships\">\n<h2>Relationships</h2>\n");
    page.element(
        "p",
        "note",
        "Who waits on what, who is to complete or release it, and which live task started which."
            + " Deadlocks in red, stuck tasks' wait chains in orange.");
    if (graph.nodes().isEmpty()) {
      page.element("p", "none", "no task waits on anything, and no live task started another");
    } else {
      page.raw("<div class=\"scroll\">").raw(SvgDiagram.render(diagram(graph))).raw("</div>\n");
    }
    if (graph.omitted() > 0) {
      page.element(
          "p",
          "note",
          graph.omitted()
              + " more related tasks and objects not drawn (at most "
              + RelationshipGraph.MAX_NODES
              + ")");
    }
    page.raw("</section>\n");
  }

  static Diagram diagram(RelationshipGraph graph) {
    List<Diagram.Node> nodes = new ArrayList<>();
    for (RelationshipGraph.Node node : graph.nodes()) {
      String classes =
          node.kind().toString().toLowerCase(Locale.ROOT)
              + (node.deadlocked() ? " deadlocked" : "")
              + (node.stuck() ? " stuck" : "");
      List<String> lines =
          node.detail().isEmpty() ? List.of(node.name()) : List.of(node.name(), node.detail());
      nodes.add(new Diagram.Node(node.key(), lines, classes));
    }
    List<Diagram.Edge> edges = new ArrayList<>();
    for (RelationshipGraph.Edge edge : graph.edges()) {
      String relation =
          edge.relation() == null ? "parent" : edge.relation().toString().toLowerCase(Locale.ROOT);
      edges.add(
          new Diagram.Edge(
              edge.from(),
              edge.to(),
              edge.label(),
              relation + (edge.deadlocked() ? " deadlocked hot" : "")));
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
