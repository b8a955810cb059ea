package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TaskGraph} as a Mermaid flowchart: tasks as rounded boxes, objects as stadiums, threads
 * and locks the JVM reported as subroutine boxes and rhombi; {@code -->} for parent → child and for
 * who releases what, {@code -.->} for waits; a deadlock's nodes in the class {@code deadlock} and
 * its edges styled by {@code linkStyle} (edges are numbered in the order written). Labels are
 * escaped as in {@link CallGraphMermaid}.
 */
public final class TaskGraphMermaid {
  private TaskGraphMermaid() {}

  /** The Mermaid text, one statement per line, without line separators. */
  public static List<String> render(TaskGraph graph) {
    List<String> lines = new ArrayList<>();
    lines.add("flowchart LR");
    List<String> deadlockedNodes = new ArrayList<>();
    for (TaskGraph.Node node : graph.nodes()) {
      String[] shape = shape(node.kind());
      lines.add("  " + node.id() + shape[0] + label(node.label()) + shape[1]);
      if (node.deadlocked()) {
        deadlockedNodes.add(node.id());
      }
    }
    List<String> deadlockedEdges = new ArrayList<>();
    for (int i = 0; i < graph.edges().size(); i++) {
      TaskGraph.Edge edge = graph.edges().get(i);
      String arrow = edge.kind() == TaskGraph.EdgeKind.WAITS ? " -.->" : " -->";
      lines.add("  " + edge.from() + arrow + "|" + label(List.of(edge.label())) + "| " + edge.to());
      if (edge.deadlocked()) {
        deadlockedEdges.add(String.valueOf(i));
      }
    }
    lines.add("  classDef deadlock stroke:#c00,stroke-width:3px,color:#c00");
    if (!deadlockedNodes.isEmpty()) {
      lines.add("  class " + String.join(",", deadlockedNodes) + " deadlock");
    }
    if (!deadlockedEdges.isEmpty()) {
      lines.add(
          "  linkStyle " + String.join(",", deadlockedEdges) + " stroke:#c00,stroke-width:3px");
    }
    return lines;
  }

  private static String[] shape(TaskGraph.NodeKind kind) {
    return switch (kind) {
      case TASK -> new String[] {"(", ")"};
      case OBJECT -> new String[] {"([", "])"};
      case THREAD -> new String[] {"[[", "]]"};
      case LOCK -> new String[] {"{", "}"};
    };
  }

  private static String label(List<String> lines) {
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        text.append("<br/>");
      }
      text.append(CallGraphMermaid.escape(lines.get(i)));
    }
    return text.append('"').toString();
  }
}
