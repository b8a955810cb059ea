package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The call graph in Graphviz DOT: a box per method, solid edges for calls and dashed edges for
 * waits on futures, bottlenecks outlined in red and methods that could be synchronous in a dashed
 * yellow outline. Node ids are {@code "m<method id>"}; every label is a quoted DOT string with
 * {@code "} and {@code \} escaped, so no method name can break the syntax.
 *
 * <p>{@code dot -Tsvg graph.dot -o graph.svg} draws it.
 */
public final class CallGraphDot {
  private CallGraphDot() {}

  /** The DOT text, one statement per line, without line separators. */
  public static List<String> render(CallGraph graph) {
    List<String> lines = new ArrayList<>();
    lines.add("digraph \"async-inspect call graph\" {");
    lines.add("  rankdir=LR;");
    lines.add("  node [shape=box, style=rounded, fontname=\"Helvetica\"];");
    lines.add("  edge [fontname=\"Helvetica\", fontsize=10];");
    for (MethodNode node : graph.nodes()) {
      StringBuilder line = new StringBuilder("  ");
      line.append(quote(GraphLabels.nodeId(node.id())));
      line.append(" [label=").append(label(GraphLabels.node(node)));
      if (node.bottleneck()) {
        line.append(", color=red, penwidth=2");
      } else if (node.asyncUse() == AsyncUse.COULD_BE_SYNCHRONOUS) {
        line.append(", color=goldenrod, style=\"rounded,dashed\"");
      }
      lines.add(line.append("];").toString());
    }
    for (CallEdge edge : graph.edges()) {
      StringBuilder line = new StringBuilder("  ");
      line.append(quote(GraphLabels.nodeId(edge.from())));
      line.append(" -> ").append(quote(GraphLabels.nodeId(edge.to())));
      line.append(" [label=").append(quote(GraphLabels.edge(edge)));
      if (edge.kind() == EdgeKind.AWAITS) {
        line.append(", style=dashed, color=blue, fontcolor=blue");
      }
      lines.add(line.append("];").toString());
    }
    lines.add("}");
    return lines;
  }

  /** Lines joined by DOT's centred line break {@code \n}, each escaped. */
  private static String label(String[] lines) {
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        text.append("\\n");
      }
      text.append(escape(lines[i]));
    }
    return text.append('"').toString();
  }

  static String quote(String text) {
    return "\"" + escape(text) + "\"";
  }

  /**
   * Escapes text for the inside of a DOT quoted string: {@code "} and {@code \} get a backslash (a
   * lone backslash would otherwise start an escape such as {@code \n} or {@code \N}), and line
   * breaks become {@code \n}.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"', '\\' -> escaped.append('\\').append(c);
        case '\n' -> escaped.append("\\n");
        case '\r' -> {
          // dropped: a CR LF becomes one line break
        }
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
