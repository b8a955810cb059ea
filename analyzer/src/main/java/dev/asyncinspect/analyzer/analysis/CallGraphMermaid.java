package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The call graph as a Mermaid flowchart, for Markdown pages that render Mermaid (GitHub, GitLab): a
 * node per method, {@code -->} for calls and {@code -.->} for waits on futures, bottlenecks and
 * methods that could be synchronous styled by class. Node ids are {@code m<method id>}; labels are
 * quoted and every character Mermaid could read as syntax ({@code " # < > & ` |}) is written as an
 * entity code such as {@code #quot;}.
 */
public final class CallGraphMermaid {
  private CallGraphMermaid() {}

  /** The Mermaid text, one statement per line, without line separators. */
  public static List<String> render(CallGraph graph) {
    List<String> lines = new ArrayList<>();
    lines.add("flowchart LR");
    for (MethodNode node : graph.nodes()) {
      String style =
          node.bottleneck()
              ? ":::bottleneck"
              : node.asyncUse() == AsyncUse.COULD_BE_SYNCHRONOUS ? ":::couldBeSync" : "";
      lines.add(
          "  " + GraphLabels.nodeId(node.id()) + label(GraphLabels.node(node), "[", "]") + style);
    }
    for (CallEdge edge : graph.edges()) {
      String arrow = edge.kind() == EdgeKind.CALLS ? " -->" : " -.->";
      lines.add(
          "  "
              + GraphLabels.nodeId(edge.from())
              + arrow
              + label(new String[] {GraphLabels.edge(edge)}, "|", "|")
              + " "
              + GraphLabels.nodeId(edge.to()));
    }
    lines.add("  classDef bottleneck stroke:#c00,stroke-width:3px");
    lines.add("  classDef couldBeSync stroke:#b8860b,stroke-dasharray:5 5");
    return lines;
  }

  private static String label(String[] lines, String open, String close) {
    StringBuilder text = new StringBuilder(open).append('"');
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        text.append("<br/>");
      }
      text.append(escape(lines[i]));
    }
    return text.append('"').append(close).toString();
  }

  /**
   * Escapes text for the inside of a quoted Mermaid label. Mermaid has no backslash escapes; it
   * reads {@code #name;} and {@code #code;} as entities, so {@code #} itself must be one too, else
   * a task named {@code #12} could turn into another character.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> escaped.append("#quot;");
        case '#' -> escaped.append("#35;");
        case '<' -> escaped.append("#lt;");
        case '>' -> escaped.append("#gt;");
        case '&' -> escaped.append("#amp;");
        case '`' -> escaped.append("#96;");
        case '|' -> escaped.append("#124;"); // would end an edge label
        case '\n', '\r' -> escaped.append(' ');
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
