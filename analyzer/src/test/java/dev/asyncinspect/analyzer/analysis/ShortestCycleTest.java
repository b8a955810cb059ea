package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShortestCycleTest {

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aShortestCycleThroughEachNodeOfACyclicComponent(int seed) {
    int nodes = 2 + seed % 25;
    RandomDigraphs graphs = RandomDigraphs.of(seed, nodes, (seed * 3) % (nodes * 3));
    StrongComponents components = StrongComponents.of(graphs.digraph);
    ShortestCycle shortest = new ShortestCycle(graphs.digraph, components);
    BFSShortestPath<Integer, DefaultEdge> oracle = new BFSShortestPath<>(graphs.oracle);

    for (int start = 0; start < nodes; start++) {
      int[] cycle = shortest.through(start);
      if (!components.cyclic(components.component(start))) {
        assertThat(cycle).isEmpty();
        continue;
      }
      assertIsACycleThrough(graphs.digraph, cycle, start);
      assertThat(cycle.length)
          .as("cycle through %d", start)
          .isEqualTo(oracleLength(graphs, oracle, start));
    }
  }

  @Test
  void aSelfLoopIsACycleOfOneEdge() {
    Digraph graph = Digraph.of(1, new int[] {0}, new int[] {0}, 1);
    int[] cycle = new ShortestCycle(graph, StrongComponents.of(graph)).through(0);
    assertThat(cycle).containsExactly(0);
  }

  @Test
  void aChordMakesTheCycleShorter() {
    // 0 -> 1 -> 2 -> 3 -> 0, and the chord 1 -> 0.
    Digraph graph = Digraph.of(4, new int[] {0, 1, 2, 3, 1}, new int[] {1, 2, 3, 0, 0}, 5);
    int[] cycle = new ShortestCycle(graph, StrongComponents.of(graph)).through(0);
    assertThat(cycle).hasSize(2);
    assertIsACycleThrough(graph, cycle, 0);
  }

  /** The length of a shortest cycle through start: 1 + the shortest path to a predecessor. */
  private static int oracleLength(
      RandomDigraphs graphs, BFSShortestPath<Integer, DefaultEdge> oracle, int start) {
    int best = Integer.MAX_VALUE;
    for (DefaultEdge in : graphs.oracle.incomingEdgesOf(start)) {
      int predecessor = graphs.oracle.getEdgeSource(in);
      GraphPath<Integer, DefaultEdge> path = oracle.getPath(start, predecessor);
      if (path != null) {
        best = Math.min(best, path.getLength() + 1);
      }
    }
    return best;
  }

  private static void assertIsACycleThrough(Digraph graph, int[] cycle, int start) {
    assertThat(cycle).isNotEmpty();
    assertThat(graph.source(cycle[0])).isEqualTo(start);
    for (int i = 0; i < cycle.length; i++) {
      int next = cycle[(i + 1) % cycle.length];
      assertThat(graph.target(cycle[i])).isEqualTo(graph.source(next));
    }
  }
}
