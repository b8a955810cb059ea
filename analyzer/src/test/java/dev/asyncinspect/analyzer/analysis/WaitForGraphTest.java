package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.analysis.WaitEdge.Relation;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitForGraphTest {

  @Test
  void edgesOfTheAgentsRecords() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
            .point(2, "Thread.join", AwaitKind.THREAD)
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 10)
            .done()
            .task(2, TaskState.BLOCKED, 5)
            .awaiting(2, 12)
            .holds(11)
            .done()
            .task(3, TaskState.RUNNING, 5)
            .on(77)
            .done()
            .future(10, 2L, false)
            .lock(11, 2L)
            .object(12, ObjectKind.THREAD, "java.lang.Thread", 77L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);

    int t1 = graph.taskNode(1);
    int t2 = graph.taskNode(2);
    int t3 = graph.taskNode(3);
    int future = graph.objectNode(10);
    int lock = graph.objectNode(11);
    int thread = graph.objectNode(12);
    assertThat(graph.size()).isEqualTo(6);
    assertThat(graph.edgesFrom(t1))
        .singleElement()
        .satisfies(
            edge -> {
              assertThat(edge.to()).isEqualTo(future);
              assertThat(edge.relation()).isEqualTo(Relation.WAITS_ON);
              assertThat(edge.point().location()).isEqualTo("Demo.java:101");
            });
    assertThat(graph.edgesFrom(future))
        .extracting(WaitEdge::to, WaitEdge::relation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(t2, Relation.COMPLETED_BY));
    assertThat(graph.edgesFrom(lock)).extracting(WaitEdge::to).containsExactly(t2);
    assertThat(graph.edgesFrom(thread))
        .extracting(WaitEdge::to, WaitEdge::relation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(t3, Relation.RUN_BY));
    assertThat(graph.edgesFrom(t3)).isEmpty();
    assertThat(graph.taskOnThread(77).id()).isEqualTo(3);
  }

  @Test
  void aRunningTaskWaitsForTheInnermostTaskOnItsThread() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
            .task(1, TaskState.RUNNING, 5)
            .on(22)
            .done()
            .task(2, TaskState.RUNNING, 5)
            .parent(1)
            .on(22)
            .done()
            .task(3, TaskState.BLOCKED, 5)
            .parent(2)
            .on(22)
            .awaiting(1, null)
            .done()
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    for (long outer : new long[] {1, 2}) {
      assertThat(graph.edgesFrom(graph.taskNode(outer)))
          .extracting(WaitEdge::to, WaitEdge::relation)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(graph.taskNode(3), Relation.CALLS));
    }
    assertThat(graph.edgesFrom(graph.taskNode(3))).isEmpty();
  }

  @Test
  void doneFuturesAndFinishedOrSuspendedTasksLeadNowhere() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
            .task(1, TaskState.SUSPENDED, 5)
            .returned(10)
            .done()
            .task(2, TaskState.COMPLETED, 5)
            .done()
            .future(10, 1L, false)
            .future(11, 2L, true)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    assertThat(graph.edgesFrom(graph.taskNode(1))).isEmpty();
    assertThat(graph.edgesFrom(graph.taskNode(2))).isEmpty();
    assertThat(graph.edgesFrom(graph.objectNode(11))).isEmpty();
    assertThat(graph.edgesFrom(graph.objectNode(10))).hasSize(1);
  }

  @Test
  void jvmDeadlockOfUntracedThreadsAddsThreadsAndLocks() {
    Dump dump =
        new WaitDumpBuilder()
            .thread(31, "t1", false, "java.lang.Object@aa", 32L)
            .thread(32, "t2", false, "java.lang.Object@bb", 31L)
            .jvmDeadlock(31L, 32L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);

    assertThat(graph.size()).isEqualTo(4);
    List<WaitNode> nodes = List.of(graph.node(0), graph.node(1), graph.node(2), graph.node(3));
    assertThat(nodes)
        .extracting(WaitNode::kind)
        .containsExactly(
            WaitNode.Kind.THREAD,
            WaitNode.Kind.JVM_LOCK,
            WaitNode.Kind.THREAD,
            WaitNode.Kind.JVM_LOCK);
    WaitEdge waits = graph.edgesFrom(0).get(0);
    assertThat(waits.relation()).isEqualTo(Relation.JVM_WAITS_ON);
    assertThat(waits.frame().file()).isEqualTo("Worker.java");
    assertThat(graph.node(waits.to()).lockName()).isEqualTo("java.lang.Object@aa");
    assertThat(graph.edgesFrom(waits.to()))
        .singleElement()
        .satisfies(edge -> assertThat(graph.node(edge.to()).id()).isEqualTo(32));
  }

  @Test
  void jvmLockNamesTheAgentsObjectWhenItsIdentityMatches() {
    Dump dump =
        new WaitDumpBuilder()
            .task(1, TaskState.RUNNING, 5)
            .on(31)
            .done()
            .task(2, TaskState.RUNNING, 5)
            .on(32)
            .done()
            .lock(11)
            .thread(31, "t1", false, "java.util.concurrent.locks.ReentrantLock@l11", 32L)
            .thread(32, "t2", false, "java.lang.Object@bb", 31L)
            .jvmDeadlock(31L, 32L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);

    // Task 1 runs untraced code that the JVM says is blocked on the agent's lock 11, owned by t2.
    assertThat(graph.edgesFrom(graph.taskNode(1)))
        .extracting(WaitEdge::to, WaitEdge::relation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(graph.objectNode(11), Relation.JVM_WAITS_ON));
    assertThat(graph.edgesFrom(graph.objectNode(11)))
        .extracting(WaitEdge::to, WaitEdge::relation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(graph.taskNode(2), Relation.JVM_HELD_BY));
  }

  @Test
  void aJvmEdgeTheAgentAlreadyRecordedIsNotAddedTwice() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "ReentrantLock.lock", AwaitKind.LOCK)
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 11)
            .on(31)
            .holds(12)
            .done()
            .task(2, TaskState.BLOCKED, 5)
            .awaiting(1, 12)
            .on(32)
            .holds(11)
            .done()
            .lock(11, 2L)
            .lock(12, 1L)
            .thread(31, "t1", false, "java.util.concurrent.locks.ReentrantLock$NonfairSync@99", 32L)
            .thread(32, "t2", false, "java.util.concurrent.locks.ReentrantLock$NonfairSync@98", 31L)
            .jvmDeadlock(31L, 32L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);

    // The JVM names the locks' Sync objects, which the agent did not record: its edges go to the
    // objects the tasks wait on, and those are the agent's edges already.
    assertThat(graph.size()).isEqualTo(4);
    assertThat(graph.digraph().edgeCount()).isEqualTo(4);
    assertThat(graph.edgesFrom(graph.objectNode(11)))
        .extracting(WaitEdge::relation)
        .containsExactly(Relation.HELD_BY);
  }
}
