package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random dumps of tasks blocked on locks and futures, checked against JGraphT run on a graph built
 * straight from the dump's records (not from our wait-for graph): one deadlock per cyclic strongly
 * connected component, each a real cycle inside its component.
 */
class DeadlocksOracleTest {

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void oneMinimalCyclePerKnotOfWaits(int seed) {
    Random random = new Random(seed);
    int tasks = 1 + random.nextInt(30);
    int objects = 1 + random.nextInt(20);
    Dump dump = randomDump(random, tasks, objects);
    Graph<String, DefaultEdge> oracle = oracle(dump);

    WaitForGraph graph = WaitForGraph.of(dump);
    List<Deadlock> deadlocks = Deadlocks.of(graph);

    List<Set<String>> knots = new ArrayList<>();
    for (Set<String> component :
        new KosarajuStrongConnectivityInspector<>(oracle).stronglyConnectedSets()) {
      String any = component.iterator().next();
      if (component.size() > 1 || oracle.containsEdge(any, any)) {
        knots.add(component);
      }
    }
    assertThat(deadlocks).hasSameSizeAs(knots);
    Set<Set<String>> seen = new HashSet<>();
    for (Deadlock deadlock : deadlocks) {
      List<WaitEdge> cycle = deadlock.cycle();
      String start = name(graph, cycle.get(0).from());
      Set<String> knot = knots.stream().filter(k -> k.contains(start)).findFirst().orElseThrow();
      assertThat(seen.add(knot)).as("one deadlock per knot").isTrue();
      for (int i = 0; i < cycle.size(); i++) {
        WaitEdge edge = cycle.get(i);
        assertThat(oracle.containsEdge(name(graph, edge.from()), name(graph, edge.to()))).isTrue();
        assertThat(knot).contains(name(graph, edge.from()));
        assertThat(edge.to()).isEqualTo(cycle.get((i + 1) % cycle.size()).from());
      }
    }
  }

  private static String name(WaitForGraph graph, int node) {
    WaitNode wait = graph.node(node);
    return (wait.kind() == WaitNode.Kind.TASK ? "t" : "o") + wait.id();
  }

  private static Dump randomDump(Random random, int tasks, int objects) {
    WaitDumpBuilder dump =
        new WaitDumpBuilder()
            .point(1, "ReentrantLock.lock", AwaitKind.LOCK)
            .point(2, "CompletableFuture.join", AwaitKind.FUTURE);
    List<Boolean> futures = new ArrayList<>();
    for (int o = 1; o <= objects; o++) {
      futures.add(random.nextBoolean());
    }
    for (int t = 1; t <= tasks; t++) {
      TaskState state =
          random.nextInt(4) == 0
              ? TaskState.RUNNING
              : random.nextInt(8) == 0 ? TaskState.COMPLETED : TaskState.BLOCKED;
      WaitDumpBuilder.Task task = dump.task(t, state, 5);
      if (state == TaskState.BLOCKED) {
        int object = 1 + random.nextInt(objects);
        task.awaiting(futures.get(object - 1) ? 2 : 1, object);
      }
    }
    for (int o = 1; o <= objects; o++) {
      if (futures.get(o - 1)) {
        dump.future(
            o, random.nextInt(5) == 0 ? null : 1L + random.nextInt(tasks), random.nextInt(6) == 0);
      } else {
        Set<Long> holders = new HashSet<>();
        for (int h = random.nextInt(3); h > 0; h--) {
          holders.add(1L + random.nextInt(tasks));
        }
        dump.lock(o, holders.toArray(Long[]::new));
      }
    }
    return dump.build();
  }

  /** Waits as the design defines them, from the records alone. */
  private static Graph<String, DefaultEdge> oracle(Dump dump) {
    Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (TaskInfo task : dump.tasks()) {
      graph.addVertex("t" + task.id());
    }
    for (ObjectInfo object : dump.objects().values()) {
      graph.addVertex("o" + object.id());
    }
    for (TaskInfo task : dump.tasks()) {
      if (task.state() == TaskState.BLOCKED) {
        graph.addEdge("t" + task.id(), "o" + task.await().object());
      }
    }
    for (ObjectInfo object : dump.objects().values()) {
      if (object.kind() == ObjectKind.FUTURE) {
        if (object.producer() != null && !object.done()) {
          graph.addEdge("o" + object.id(), "t" + object.producer());
        }
      } else {
        for (long holder : object.holders()) {
          graph.addEdge("o" + object.id(), "t" + holder);
        }
      }
    }
    return graph;
  }
}
