package dev.asyncinspect.analyzer.html;

import java.util.Locale;

/**
 * Draws a {@link Diagram} as an inline SVG element, laid out by {@link LayeredLayout}: boxes with
 * monospaced text, arrows as cubic curves from left to right, arrows that go back (closing a cycle)
 * as curves below the boxes, an arrow from a box to itself as a loop on its right. Every text and
 * attribute value is escaped. The look comes from the page's style sheet, by class.
 */
final class SvgDiagram {
  /** The width of a character of the diagrams' 12px monospaced font, a little generous. */
  static final double CHAR_WIDTH = 7.4;

  static final double LINE_HEIGHT = 16;
  private static final double PAD_X = 10;
  private static final double PAD_Y = 8;
  private static final double MARGIN = 20;
  private static final double LOOP = 44;

  private SvgDiagram() {}

  static String render(Diagram diagram) {
    int n = diagram.nodes().size();
    double[][] sizes = new double[n][];
    for (int v = 0; v < n; v++) {
      Diagram.Node node = diagram.nodes().get(v);
      int longest = node.lines().stream().mapToInt(String::length).max().orElse(0);
      sizes[v] =
          new double[] {
            longest * CHAR_WIDTH + 2 * PAD_X, node.lines().size() * LINE_HEIGHT + 2 * PAD_Y - 4
          };
    }
    int e = diagram.edges().size();
    int[] from = new int[e];
    int[] to = new int[e];
    double[] labels = new double[e];
    for (int i = 0; i < e; i++) {
      Diagram.Edge edge = diagram.edges().get(i);
      from[i] = edge.from();
      to[i] = edge.to();
      labels[i] = edge.label().length() * CHAR_WIDTH * 0.9;
    }
    LayeredLayout.Layout layout = LayeredLayout.of(sizes, from, to, labels);
    StringBuilder edges = new StringBuilder();
    double below = layout.height();
    double right = layout.width();
    int backs = 0;
    for (int i = 0; i < e; i++) {
      Diagram.Edge edge = diagram.edges().get(i);
      LayeredLayout.Box a = layout.boxes()[edge.from()];
      LayeredLayout.Box b = layout.boxes()[edge.to()];
      double[] curve;
      if (edge.from() == edge.to()) {
        double x = a.x() + a.width();
        curve =
            new double[] {
              x,
              a.y() + a.height() * 0.3,
              x + LOOP,
              a.y() - 12,
              x + LOOP,
              a.y() + a.height() + 12,
              x,
              a.y() + a.height() * 0.7
            };
        right = Math.max(right, x + LOOP + labels[i]);
      } else if (layout.layers()[edge.to()] > layout.layers()[edge.from()]) {
        double x1 = a.x() + a.width();
        double x2 = b.x();
        double mid = (x1 + x2) / 2;
        curve = new double[] {x1, a.centerY(), mid, a.centerY(), mid, b.centerY(), x2, b.centerY()};
      } else {
        backs++;
        double depth = Math.max(a.y() + a.height(), b.y() + b.height()) + 28 + 14 * backs;
        double x1 = a.x() + a.width() / 2;
        double x2 = b.x() + b.width() / 2;
        curve = new double[] {x1, a.y() + a.height(), x1, depth, x2, depth, x2, b.y() + b.height()};
        below = Math.max(below, depth);
      }
      edge(edges, diagram, edge, curve);
    }
    StringBuilder nodes = new StringBuilder();
    for (int v = 0; v < n; v++) {
      node(nodes, diagram.nodes().get(v), layout.boxes()[v]);
    }
    double width = right + 2 * MARGIN;
    double height = below + 2 * MARGIN;
    String id = Html.text(diagram.id());
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" id=\"")
        .append(id)
        .append("\" width=\"")
        .append(number(width))
        .append("\" height=\"")
        .append(number(height))
        .append("\" viewBox=\"")
        .append(number(-MARGIN))
        .append(' ')
        .append(number(-MARGIN))
        .append(' ')
        .append(number(width))
        .append(' ')
        .append(number(height))
        .append("\">\n<defs>");
    for (String kind : new String[] {"arrow", "arrow-hot"}) {
      svg.append("<marker id=\"")
          .append(id)
          .append('-')
          .append(kind)
          .append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
          .append(" markerHeight=\"7\" orient=\"auto\"><path class=\"")
          .append(kind)
          .append("\" d=\"M0,0 L10,5 L0,10 z\"/></marker>");
    }
    svg.append("</defs>\n<g class=\"edges\">\n")
        .append(edges)
        .append("</g>\n<g class=\"nodes\">\n")
        .append(nodes)
        .append("</g>\n</svg>");
    return svg.toString();
  }

  private static void edge(StringBuilder out, Diagram diagram, Diagram.Edge edge, double[] c) {
    String marker = edge.classes().contains("hot") ? "arrow-hot" : "arrow";
    out.append("<g class=\"edge ")
        .append(Html.text(edge.classes()))
        .append("\" data-from=\"")
        .append(Html.text(diagram.nodes().get(edge.from()).key()))
        .append("\" data-to=\"")
        .append(Html.text(diagram.nodes().get(edge.to()).key()))
        .append("\"><path d=\"M")
        .append(number(c[0]))
        .append(',')
        .append(number(c[1]))
        .append(" C")
        .append(number(c[2]))
        .append(',')
        .append(number(c[3]))
        .append(' ')
        .append(number(c[4]))
        .append(',')
        .append(number(c[5]))
        .append(' ')
        .append(number(c[6]))
        .append(',')
        .append(number(c[7]))
        .append("\" marker-end=\"url(#")
        .append(Html.text(diagram.id()))
        .append('-')
        .append(marker)
        .append(")\"/>");
    if (!edge.label().isEmpty()) {
      // The curve's point at t = 1/2: (P0 + 3 P1 + 3 P2 + P3) / 8.
      double x = (c[0] + 3 * c[2] + 3 * c[4] + c[6]) / 8;
      double y = (c[1] + 3 * c[3] + 3 * c[5] + c[7]) / 8;
      boolean loop = edge.from() == edge.to();
      out.append("<text x=\"")
          .append(number(loop ? x + 4 : x))
          .append("\" y=\"")
          .append(number(y - 4))
          .append("\" text-anchor=\"")
          .append(loop ? "start" : "middle")
          .append("\">")
          .append(Html.text(edge.label()))
          .append("</text>");
    }
    out.append("</g>\n");
  }

  private static void node(StringBuilder out, Diagram.Node node, LayeredLayout.Box box) {
    out.append("<g class=\"node ")
        .append(Html.text(node.classes()))
        .append("\" data-key=\"")
        .append(Html.text(node.key()))
        .append("\"><rect x=\"")
        .append(number(box.x()))
        .append("\" y=\"")
        .append(number(box.y()))
        .append("\" width=\"")
        .append(number(box.width()))
        .append("\" height=\"")
        .append(number(box.height()))
        .append("\" rx=\"6\"/><text>");
    for (int i = 0; i < node.lines().size(); i++) {
      out.append("<tspan x=\"")
          .append(number(box.x() + PAD_X))
          .append("\" y=\"")
          .append(number(box.y() + PAD_Y + 8 + i * LINE_HEIGHT))
          .append(i == 0 ? "\" class=\"name\">" : "\">")
          .append(Html.text(node.lines().get(i)))
          .append("</tspan>");
    }
    out.append("</text></g>\n");
  }

  /** A coordinate with at most one decimal, in the C locale. */
  private static String number(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0
        ? Long.toString(tenths / 10)
        : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }
}
