package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationshipGraphTest {

  private static RelationshipGraph of(Dump dump) {
    WaitForGraph graph = WaitForGraph.of(dump);
    return RelationshipGraph.of(
        graph, Deadlocks.of(graph), StuckTasks.of(graph, StuckCriteria.defaultsFor(dump)));
  }

  private static List<String> edges(RelationshipGraph graph, boolean deadlocked) {
    return graph.edges().stream()
        .filter(edge -> edge.deadlocked() == deadlocked)
        .map(e -> graph.nodes().get(e.from()).key() + ">" + graph.nodes().get(e.to()).key())
        .toList();
  }

  @Test
  void aLockCycleIsMarkedAndAThirdTaskWaitingOnItIsStuckButNotOnTheCycle() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "ReentrantLock.lock", AwaitKind.LOCK)
            .task(7, TaskState.BLOCKED, 12)
            .awaiting(1, 1)
            .holds(2)
            .done()
            .task(8, TaskState.BLOCKED, 12)
            .awaiting(1, 2)
            .holds(1)
            .done()
            .task(9, TaskState.BLOCKED, 12)
            .awaiting(1, 1)
            .done()
            .task(10, TaskState.RUNNING, 12)
            .done()
            .lock(1, 8L)
            .lock(2, 7L)
            .build();
    RelationshipGraph graph = of(dump);

    assertThat(edges(graph, true))
        .containsExactlyInAnyOrder(
            "task-7>object-1", "object-1>task-8", "task-8>object-2", "object-2>task-7");
    assertThat(edges(graph, false)).containsExactly("task-9>object-1");
    // Task 10 is related to nothing: not drawn.
    assertThat(graph.nodes())
        .extracting(RelationshipGraph.Node::key)
        .containsExactly("task-7", "task-8", "task-9", "object-1", "object-2");
    assertThat(graph.nodes().get(0).deadlocked()).isTrue();
    assertThat(graph.nodes().get(2).deadlocked()).isFalse();
    assertThat(graph.nodes().get(2).detail()).startsWith("BLOCKED ");
    assertThat(graph.edges().get(0).label()).isEqualTo("waits at Demo.java:101 lock()");
    assertThat(graph.omitted()).isZero();
  }
}
