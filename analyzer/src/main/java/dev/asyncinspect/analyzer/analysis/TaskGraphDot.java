package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TaskGraph} in Graphviz DOT: tasks as rounded boxes, objects as ellipses, threads and
 * locks the JVM reported as boxes and diamonds; solid grey edges for parent → child, dashed edges
 * for waits, solid ones for who releases what; every node and edge of a deadlock in bold red. Ids
 * and labels are quoted DOT strings, escaped as in {@link CallGraphDot}.
 */
public final class TaskGraphDot {
  private TaskGraphDot() {}

  /** The DOT text, one statement per line, without line separators. */
  public static List<String> render(TaskGraph graph) {
    List<String> lines = new ArrayList<>();
    lines.add("digraph " + CallGraphDot.quote(graph.title()) + " {");
    lines.add("  rankdir=LR;");
    lines.add("  node [fontname=\"Helvetica\"];");
    lines.add("  edge [fontname=\"Helvetica\", fontsize=10];");
    for (TaskGraph.Node node : graph.nodes()) {
      StringBuilder line = new StringBuilder("  ").append(CallGraphDot.quote(node.id()));
      line.append(" [label=").append(label(node.label())).append(", ").append(shape(node));
      if (node.deadlocked()) {
        line.append(", color=red, fontcolor=red, penwidth=2");
      }
      lines.add(line.append("];").toString());
    }
    for (TaskGraph.Edge edge : graph.edges()) {
      StringBuilder line = new StringBuilder("  ").append(CallGraphDot.quote(edge.from()));
      line.append(" -> ").append(CallGraphDot.quote(edge.to()));
      line.append(" [label=").append(CallGraphDot.quote(edge.label()));
      switch (edge.kind()) {
        case STARTED -> line.append(", color=gray40, fontcolor=gray40");
        case WAITS -> line.append(", style=dashed");
        case RELEASED_BY -> {}
      }
      if (edge.deadlocked()) {
        line.append(", color=red, fontcolor=red, penwidth=2");
      }
      lines.add(line.append("];").toString());
    }
    lines.add("}");
    return lines;
  }

  private static String shape(TaskGraph.Node node) {
    return switch (node.kind()) {
      case TASK -> "shape=box, style=rounded";
      case OBJECT -> "shape=ellipse";
      case THREAD -> "shape=box";
      case LOCK -> "shape=diamond";
    };
  }

  private static String label(List<String> lines) {
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        text.append("\\n");
      }
      text.append(CallGraphDot.escape(lines.get(i)));
    }
    return text.append('"').toString();
  }
}
