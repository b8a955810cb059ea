package dev.asyncinspect.analyzer.analysis;

/**
 * A directed graph over the nodes {@code 0..n-1}, in compressed sparse row form: the edges leaving
 * a node are the consecutive edge ids {@link #firstEdge(int)} to {@link #endEdge(int)} (exclusive).
 * Two int arrays and no object per edge, so that a wait-for graph of millions of tasks stays small
 * and the graph algorithms can run over it with plain index arithmetic.
 *
 * <p>Built by {@link #of(int, int[], int[], int)} in O(n + m) with a counting sort on the source;
 * edges of one node keep the order they were given in.
 */
public final class Digraph {
  private final int[] first;
  private final int[] sources;
  private final int[] targets;
  private final int[] order;

  private Digraph(int[] first, int[] sources, int[] targets, int[] order) {
    this.first = first;
    this.sources = sources;
    this.targets = targets;
    this.order = order;
  }

  /**
   * The graph of {@code edges} edges {@code from[i] -> to[i]} over {@code nodes} nodes.
   *
   * @throws IllegalArgumentException if an edge names a node outside {@code 0..nodes-1}
   */
  public static Digraph of(int nodes, int[] from, int[] to, int edges) {
    int[] first = new int[nodes + 1];
    for (int i = 0; i < edges; i++) {
      check(from[i], nodes);
      check(to[i], nodes);
      first[from[i] + 1]++;
    }
    for (int node = 0; node < nodes; node++) {
      first[node + 1] += first[node];
    }
    int[] next = new int[nodes];
    System.arraycopy(first, 0, next, 0, nodes);
    int[] sources = new int[edges];
    int[] targets = new int[edges];
    int[] order = new int[edges];
    for (int i = 0; i < edges; i++) {
      int position = next[from[i]]++;
      sources[position] = from[i];
      targets[position] = to[i];
      order[position] = i;
    }
    return new Digraph(first, sources, targets, order);
  }

  private static void check(int node, int nodes) {
    if (node < 0 || node >= nodes) {
      throw new IllegalArgumentException("node " + node + " is outside 0.." + (nodes - 1));
    }
  }

  public int nodeCount() {
    return first.length - 1;
  }

  public int edgeCount() {
    return targets.length;
  }

  /** The id of the first edge leaving {@code node}. */
  public int firstEdge(int node) {
    return first[node];
  }

  /** One past the id of the last edge leaving {@code node}. */
  public int endEdge(int node) {
    return first[node + 1];
  }

  public int source(int edge) {
    return sources[edge];
  }

  public int target(int edge) {
    return targets[edge];
  }

  /** The position in the input arrays of the edge with this id. */
  public int inputIndex(int edge) {
    return order[edge];
  }
}
