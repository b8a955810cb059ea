package dev.asyncinspect.analyzer.analysis;

/**
 * The shortest cycle through a given node of a cyclic strong component, by breadth-first search
 * from the node, restricted to its component, until an edge leads back to it. Breadth-first order
 * makes the cycle a shortest one through that node, so it has no shortcut through the node: this is
 * the <em>minimal</em> cycle a deadlock report shows.
 *
 * <p>Cost: O(n<sub>c</sub> + m<sub>c</sub>) per call, the nodes and edges of the node's component.
 * The work arrays are allocated once per graph and stamped rather than cleared, so that one call
 * per component costs O(n + m) for the whole graph.
 */
public final class ShortestCycle {
  private final Digraph graph;
  private final StrongComponents components;
  private final int[] parentEdge;
  private final int[] seenInCall;
  private final int[] queue;
  private int call;

  public ShortestCycle(Digraph graph, StrongComponents components) {
    this.graph = graph;
    this.components = components;
    this.parentEdge = new int[graph.nodeCount()];
    this.seenInCall = new int[graph.nodeCount()];
    this.queue = new int[graph.nodeCount()];
  }

  /**
   * The edges of a shortest cycle through {@code start}, in order, the first leaving {@code start}
   * and the last entering it; empty when {@code start} is on no cycle.
   */
  public int[] through(int start) {
    int component = components.component(start);
    if (!components.cyclic(component)) {
      return new int[0];
    }
    int stamp = ++call;
    int head = 0;
    int tail = 0;
    queue[tail++] = start;
    seenInCall[start] = stamp;
    while (head < tail) {
      int v = queue[head++];
      for (int edge = graph.firstEdge(v); edge < graph.endEdge(v); edge++) {
        int w = graph.target(edge);
        if (w == start) {
          return path(start, v, edge);
        }
        if (seenInCall[w] != stamp && components.component(w) == component) {
          seenInCall[w] = stamp;
          parentEdge[w] = edge;
          queue[tail++] = w;
        }
      }
    }
    // Unreachable for a cyclic component: every node of it reaches every other.
    throw new IllegalStateException("no cycle through node " + start + " in a cyclic component");
  }

  private int[] path(int start, int last, int closingEdge) {
    int length = 1;
    for (int v = last; v != start; v = graph.source(parentEdge[v])) {
      length++;
    }
    int[] edges = new int[length];
    edges[length - 1] = closingEdge;
    int i = length - 2;
    for (int v = last; v != start; v = graph.source(parentEdge[v])) {
      edges[i--] = parentEdge[v];
    }
    return edges;
  }
}
