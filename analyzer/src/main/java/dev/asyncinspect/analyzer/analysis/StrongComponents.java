package dev.asyncinspect.analyzer.analysis;

import java.util.Arrays;

/**
 * The strongly connected components of a {@link Digraph}, by Tarjan's algorithm (R. Tarjan,
 * "Depth-first search and linear graph algorithms", SIAM J. Computing 1(2), 1972), written with an
 * explicit call stack instead of recursion: a wait chain a million tasks long must not overflow the
 * thread's stack.
 *
 * <p>A component is <em>cyclic</em> when it has a cycle: more than one node, or one node with an
 * edge to itself. In a wait-for graph the cyclic components are exactly the deadlocks.
 *
 * <p>Cost: O(n + m) time, five int arrays of n entries.
 */
public final class StrongComponents {
  private final int[] component;
  private final int count;
  private final int[] memberStart;
  private final int[] members;
  private final boolean[] cyclic;

  private StrongComponents(int[] component, int count, Digraph graph) {
    this.component = component;
    this.count = count;
    this.memberStart = new int[count + 1];
    this.members = new int[component.length];
    for (int c : component) {
      memberStart[c + 1]++;
    }
    for (int c = 0; c < count; c++) {
      memberStart[c + 1] += memberStart[c];
    }
    int[] next = Arrays.copyOf(memberStart, count);
    for (int node = 0; node < component.length; node++) {
      members[next[component[node]]++] = node;
    }
    this.cyclic = new boolean[count];
    for (int c = 0; c < count; c++) {
      cyclic[c] = memberStart[c + 1] - memberStart[c] > 1;
    }
    for (int edge = 0; edge < graph.edgeCount(); edge++) {
      if (graph.source(edge) == graph.target(edge)) {
        cyclic[component[graph.source(edge)]] = true;
      }
    }
  }

  /** The components of {@code graph}. */
  public static StrongComponents of(Digraph graph) {
    int n = graph.nodeCount();
    int[] index = new int[n];
    int[] low = new int[n];
    int[] component = new int[n];
    Arrays.fill(index, -1);
    Arrays.fill(component, -1);
    // Tarjan's stack of visited nodes not yet assigned to a component.
    int[] stack = new int[n];
    boolean[] onStack = new boolean[n];
    int stackSize = 0;
    // The explicit call stack: the node of each frame and the next edge it will look at.
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int depth = 0;
    int counter = 0;
    int count = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      index[root] = low[root] = counter++;
      stack[stackSize++] = root;
      onStack[root] = true;
      callNode[0] = root;
      callEdge[0] = graph.firstEdge(root);
      depth = 1;
      while (depth > 0) {
        int v = callNode[depth - 1];
        int edge = callEdge[depth - 1];
        if (edge < graph.endEdge(v)) {
          callEdge[depth - 1]++;
          int w = graph.target(edge);
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[stackSize++] = w;
            onStack[w] = true;
            callNode[depth] = w;
            callEdge[depth] = graph.firstEdge(w);
            depth++;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        // v is done: return to its caller, and close a component if v is its root.
        depth--;
        if (depth > 0) {
          int caller = callNode[depth - 1];
          low[caller] = Math.min(low[caller], low[v]);
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack[--stackSize];
            onStack[w] = false;
            component[w] = count;
          } while (w != v);
          count++;
        }
      }
    }
    return new StrongComponents(component, count, graph);
  }

  /** The number of components. */
  public int count() {
    return count;
  }

  /**
   * The component of a node. Components are numbered in reverse topological order of the
   * condensation: an edge between two components goes from a higher number to a lower one.
   */
  public int component(int node) {
    return component[node];
  }

  /** The number of nodes in a component. */
  public int size(int component) {
    return memberStart[component + 1] - memberStart[component];
  }

  /** The {@code i}-th node of a component, in increasing node order. */
  public int member(int component, int i) {
    return members[memberStart[component] + i];
  }

  /** Whether a component has a cycle: more than one node, or a node with an edge to itself. */
  public boolean cyclic(int component) {
    return cyclic[component];
  }
}
