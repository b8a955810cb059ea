package dev.asyncinspect.analyzer.html;

import java.util.List;

/**
 * A graph to draw: boxes with lines of text, and labelled arrows between them. {@link SvgDiagram}
 * lays it out and draws it.
 *
 * @param id the SVG element's id, unique in the page (its arrow markers' ids derive from it)
 * @param nodes the boxes, in the order that breaks layout ties
 * @param edges the arrows
 */
record Diagram(String id, List<Node> nodes, List<Edge> edges) {
  Diagram {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * A box.
   *
   * @param key an identifier for tests and scripts ({@code data-key})
   * @param lines the text, first line in bold
   * @param classes CSS classes besides {@code node}
   */
  record Node(String key, List<String> lines, String classes) {
    Node {
      lines = List.copyOf(lines);
    }
  }

  /**
   * An arrow.
   *
   * @param from the index of its source node
   * @param to the index of its target node; may be {@code from}
   * @param label the text beside it; may be empty
   * @param classes CSS classes besides {@code edge}; {@code hot} draws a red arrowhead
   */
  record Edge(int from, int to, String label, String classes) {}
}
