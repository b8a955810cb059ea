package dev.asyncinspect.analyzer.analysis;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * A random directed graph built twice, as our {@link Digraph} and as a JGraphT graph (the oracle),
 * with the same nodes and edges. No parallel edges (JGraphT's simple directed graph has none);
 * self-loops allowed.
 */
final class RandomDigraphs {
  final Digraph digraph;
  final Graph<Integer, DefaultEdge> oracle;

  private RandomDigraphs(Digraph digraph, Graph<Integer, DefaultEdge> oracle) {
    this.digraph = digraph;
    this.oracle = oracle;
  }

  static RandomDigraphs of(long seed, int nodes, int edges) {
    Random random = new Random(seed);
    Graph<Integer, DefaultEdge> oracle = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int node = 0; node < nodes; node++) {
      oracle.addVertex(node);
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    Set<Long> seen = new HashSet<>();
    int count = 0;
    for (int attempt = 0; attempt < edges * 4 && count < edges; attempt++) {
      int a = random.nextInt(nodes);
      int b = random.nextInt(nodes);
      if (seen.add((long) a * nodes + b)) {
        from[count] = a;
        to[count] = b;
        oracle.addEdge(a, b);
        count++;
      }
    }
    return new RandomDigraphs(Digraph.of(nodes, from, to, count), oracle);
  }
}
