package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrongComponentsTest {

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameComponentsAsJgraphtOnRandomGraphs(int seed) {
    // From sparse (mostly trivial components) to dense (one giant component).
    int nodes = 1 + seed % 40;
    int edges = (seed * 7) % (nodes * 3 + 1);
    RandomDigraphs graphs = RandomDigraphs.of(seed, nodes, edges);

    StrongComponents ours = StrongComponents.of(graphs.digraph);
    List<Set<Integer>> expected =
        new KosarajuStrongConnectivityInspector<>(graphs.oracle).stronglyConnectedSets();

    assertThat(partition(ours, nodes)).containsExactlyInAnyOrderElementsOf(expected);
    for (Set<Integer> component : expected) {
      int first = component.iterator().next();
      boolean cyclic = component.size() > 1 || graphs.oracle.containsEdge(first, first);
      assertThat(ours.cyclic(ours.component(first))).as("cyclic %s", component).isEqualTo(cyclic);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void componentsAreInReverseTopologicalOrder(int seed) {
    RandomDigraphs graphs = RandomDigraphs.of(seed, 30, seed % 60);
    StrongComponents ours = StrongComponents.of(graphs.digraph);
    for (DefaultEdge edge : graphs.oracle.edgeSet()) {
      int from = ours.component(graphs.oracle.getEdgeSource(edge));
      int to = ours.component(graphs.oracle.getEdgeTarget(edge));
      assertThat(from).isGreaterThanOrEqualTo(to);
    }
  }

  @Test
  void aSelfLoopIsACycleAndALoneNodeIsNot() {
    Digraph graph = Digraph.of(2, new int[] {1}, new int[] {1}, 1);
    StrongComponents components = StrongComponents.of(graph);
    assertThat(components.count()).isEqualTo(2);
    assertThat(components.cyclic(components.component(0))).isFalse();
    assertThat(components.cyclic(components.component(1))).isTrue();
  }

  @Test
  void aMillionLongChainAndAMillionLongCycleDoNotOverflowTheStack() {
    int n = 1_000_000;
    int[] from = new int[n];
    int[] to = new int[n];
    for (int i = 0; i < n; i++) {
      from[i] = i;
      to[i] = i + 1 < n ? i + 1 : n - 1; // the last node has a self-loop
    }
    StrongComponents chain = StrongComponents.of(Digraph.of(n, from, to, n));
    assertThat(chain.count()).isEqualTo(n);
    assertThat(chain.cyclic(chain.component(n - 1))).isTrue();
    assertThat(chain.cyclic(chain.component(0))).isFalse();

    to[n - 1] = 0; // close the chain into one cycle
    StrongComponents cycle = StrongComponents.of(Digraph.of(n, from, to, n));
    assertThat(cycle.count()).isEqualTo(1);
    assertThat(cycle.size(0)).isEqualTo(n);
    assertThat(cycle.cyclic(0)).isTrue();
  }

  private static List<Set<Integer>> partition(StrongComponents components, int nodes) {
    Map<Integer, Set<Integer>> byComponent = new HashMap<>();
    for (int node = 0; node < nodes; node++) {
      byComponent.computeIfAbsent(components.component(node), c -> new HashSet<>()).add(node);
    }
    for (int c = 0; c < components.count(); c++) {
      Set<Integer> members = new HashSet<>();
      for (int i = 0; i < components.size(c); i++) {
        members.add(components.member(c, i));
      }
      assertThat(members).isEqualTo(byComponent.get(c));
    }
    return List.copyOf(byComponent.values());
  }
}
