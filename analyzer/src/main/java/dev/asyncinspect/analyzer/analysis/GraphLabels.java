package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.report.DurationFormat;

/**
 * The node and edge labels of the call graph that its renderings (DOT, Mermaid, the HTML report's
 * SVG) share, as plain text lines; each rendering escapes them for its own syntax.
 */
public final class GraphLabels {
  private GraphLabels() {}

  /** The graph's id of a method's node: {@code m} and the method id, safe in both syntaxes. */
  public static String nodeId(int methodId) {
    return "m" + methodId;
  }

  /** The name, then {@code ASYNC, 3 calls, 6.4ms}, then {@code self 92%, BOTTLENECK}. */
  public static String[] node(MethodNode node) {
    String marks = node.bottleneck() ? ", BOTTLENECK" : "";
    return new String[] {
      node.name(),
      node.method().kind()
          + ", "
          + Words.count(node.calls(), "call")
          + (node.spawned() > 0 ? ", " + node.spawned() + " spawned" : "")
          + ", "
          + DurationFormat.format(node.totalNanos()),
      "self " + Words.percent(node.wallShare()) + ", " + node.asyncUse().label() + marks
    };
  }

  /** {@code 3 calls, 6.4ms} or {@code 2 waits, 18ms}. */
  public static String edge(CallEdge edge) {
    String noun = edge.kind() == EdgeKind.CALLS ? "call" : "wait";
    return Words.count(edge.count(), noun) + ", " + DurationFormat.format(edge.totalNanos());
  }
}
