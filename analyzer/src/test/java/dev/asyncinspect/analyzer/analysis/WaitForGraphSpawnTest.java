package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.asyncinspect.analyzer.analysis.WaitEdge.Relation;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edges of format 1.1: derived futures wait on their sources, queued tasks on their pool. */
class WaitForGraphSpawnTest {

  @Test
  void aDerivedFutureWithoutProducerWaitsOnItsSources() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 10)
            .done()
            .task(2, TaskState.RUNNING, 5)
            .done()
            .derived(10, 11, 12)
            .future(11, 2L, false)
            .future(12, null, true)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);

    assertThat(graph.edgesFrom(graph.objectNode(10)))
        .extracting(WaitEdge::to, WaitEdge::relation)
        .containsExactly(
            tuple(graph.objectNode(11), Relation.DERIVED_FROM),
            tuple(graph.objectNode(12), Relation.DERIVED_FROM));
    StuckTasks stuck = StuckTasks.of(graph, new StuckCriteria(0, false));
    assertThat(stuck.chains())
        .filteredOn(chain -> chain.head() == 1)
        .singleElement()
        .satisfies(
            chain -> assertThat(chain.end().rootCause()).startsWith("#2 Demo.m2 is RUNNING"));
  }

  @Test
  void aFutureCycleThroughADerivedFutureIsADeadlock() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 10)
            .done()
            .task(2, TaskState.BLOCKED, 5)
            .awaiting(1, 12)
            .done()
            .derived(10, 11)
            .future(11, 2L, false)
            .future(12, 1L, false)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);

    List<Deadlock> deadlocks = Deadlocks.of(graph);

    assertThat(deadlocks)
        .singleElement()
        .extracting(Deadlock::kind)
        .isEqualTo(Deadlock.Kind.FUTURE);
    // Lines are wrapped at 80 columns; the continuation lines are joined back here.
    assertThat(
            String.join("\n", DeadlocksText.render(graph, deadlocks, false))
                .replace("\n      ", " "))
        .contains(
            "#1 Demo.m1  BLOCKED 5ns at Demo.java:101 join() on CompletableFuture@f10"
                + " derived from CompletableFuture@f11 = future of #2")
        .contains(
            "#2 Demo.m2  BLOCKED 5ns at Demo.java:101 join() on CompletableFuture@f12 = future of #1");
  }

  @Test
  void aQueuedSpawnedTaskWaitsOnItsExecutorAndTheExecutorOnNothing() {
    Dump dump =
        new WaitDumpBuilder()
            .task(1, TaskState.RUNNING, 5)
            .spawnedOn(9)
            .done()
            .task(2, TaskState.QUEUED, 5)
            .spawnedOn(9)
            .done()
            .pool(9, 1, List.of(2L), List.of(1L))
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);

    assertThat(graph.edgesFrom(graph.taskNode(2)))
        .extracting(WaitEdge::to, WaitEdge::relation)
        .containsExactly(tuple(graph.objectNode(9), Relation.QUEUED_ON));
    assertThat(graph.edgesFrom(graph.objectNode(9))).isEmpty();
    assertThat(graph.edgesFrom(graph.taskNode(1))).isEmpty();
  }
}
