package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EdgeTallyTest {

  @Test
  void sumsPerSourceTargetAndKindInEdgeOrder() {
    EdgeTally tally = new EdgeTally();
    tally.add(2, 1, EdgeKind.AWAITS, 5, true);
    tally.add(1, 2, EdgeKind.CALLS, 10, false);
    tally.add(1, 2, EdgeKind.CALLS, 30, false);
    tally.add(1, 2, EdgeKind.AWAITS, -4, false); // a negative time counts as 0
    tally.add(Integer.MIN_VALUE, Integer.MAX_VALUE, EdgeKind.CALLS, 1, false);
    assertThat(tally.edges())
        .containsExactly(
            new CallEdge(Integer.MIN_VALUE, Integer.MAX_VALUE, EdgeKind.CALLS, 1, 1, 1, 0),
            new CallEdge(1, 2, EdgeKind.CALLS, 2, 40, 30, 0),
            new CallEdge(1, 2, EdgeKind.AWAITS, 1, 0, 0, 0),
            new CallEdge(2, 1, EdgeKind.AWAITS, 1, 5, 5, 1));
  }

  @Test
  void agreesWithAMapOnManyEdges() {
    SplittableRandom random = new SplittableRandom(3);
    EdgeTally tally = new EdgeTally();
    Map<List<Object>, long[]> oracle = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      int from = random.nextInt(300);
      int to = random.nextInt(300);
      EdgeKind kind = EdgeKind.values()[random.nextInt(2)];
      long nanos = random.nextLong(1_000);
      tally.add(from, to, kind, nanos, false);
      long[] sums = oracle.computeIfAbsent(List.of(from, to, kind), k -> new long[3]);
      sums[0]++;
      sums[1] += nanos;
      sums[2] = Math.max(sums[2], nanos);
    }
    List<CallEdge> edges = tally.edges();
    assertThat(edges).hasSize(oracle.size());
    for (CallEdge edge : edges) {
      long[] sums = oracle.get(List.of(edge.from(), edge.to(), edge.kind()));
      assertThat(new long[] {edge.count(), edge.totalNanos(), edge.maxNanos()}).isEqualTo(sums);
    }
  }
}
