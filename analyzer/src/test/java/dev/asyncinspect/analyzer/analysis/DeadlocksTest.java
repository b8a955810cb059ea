package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlocksTest {

  /** Task ids of the waiters of a deadlock, in cycle order. */
  private static List<Long> tasks(WaitForGraph graph, Deadlock deadlock) {
    return deadlock.waiters().stream().map(node -> graph.node(node).id()).toList();
  }

  private static WaitDumpBuilder lockPoints() {
    return new WaitDumpBuilder()
        .point(1, "ReentrantLock.lock", AwaitKind.LOCK)
        .point(2, "CompletableFuture.join", AwaitKind.FUTURE);
  }

  @Test
  void twoTasksEachHoldingTheLockTheOtherWaitsFor() {
    Dump dump =
        lockPoints()
            .task(7, TaskState.BLOCKED, 12)
            .awaiting(1, 1)
            .holds(2)
            .done()
            .task(8, TaskState.BLOCKED, 12)
            .awaiting(1, 2)
            .holds(1)
            .done()
            .lock(1, 8L)
            .lock(2, 7L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    List<Deadlock> deadlocks = Deadlocks.of(graph);

    assertThat(deadlocks)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Deadlock.Kind.LOCK);
              assertThat(tasks(graph, d)).containsExactly(7L, 8L);
              assertThat(d.cycle()).hasSize(4);
              assertThat(d.cycle().get(0).point().location()).isEqualTo("Demo.java:101");
              assertThat(d.jvmReported()).isFalse();
              assertThat(d.otherTasks()).isEmpty();
            });
  }

  @Test
  void futureCycle() {
    // 1 joins the future of 2, 2 joins the future of 1 (producers still running their stages).
    Dump dump =
        lockPoints()
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(2, 20)
            .done()
            .task(2, TaskState.BLOCKED, 5)
            .awaiting(2, 10)
            .done()
            .future(10, 1L, false)
            .future(20, 2L, false)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    assertThat(Deadlocks.of(graph))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Deadlock.Kind.FUTURE);
              assertThat(tasks(graph, d)).containsExactly(1L, 2L);
            });
  }

  @Test
  void mixedCycleOfAFutureAndALock() {
    Dump dump =
        lockPoints()
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(2, 20)
            .holds(10)
            .done()
            .task(2, TaskState.BLOCKED, 5)
            .awaiting(1, 10)
            .done()
            .lock(10, 1L)
            .future(20, 2L, false)
            .build();
    assertThat(Deadlocks.of(WaitForGraph.of(dump)))
        .singleElement()
        .extracting(Deadlock::kind)
        .isEqualTo(Deadlock.Kind.MIXED);
  }

  @Test
  void aTaskJoiningItsOwnThreadIsACycleOfOne() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "Thread.join", AwaitKind.THREAD)
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 5)
            .on(9)
            .done()
            .object(5, ObjectKind.THREAD, "java.lang.Thread", 9L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    assertThat(Deadlocks.of(graph))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(tasks(graph, d)).containsExactly(1L);
              assertThat(d.kind()).isEqualTo(Deadlock.Kind.MIXED);
            });
  }

  @Test
  void minimalCycleOfAKnotAndTheOtherTasksInIt() {
    // 1 -> 2 -> 3 -> 1 through locks, and 2 -> 1 directly: the minimal cycle is 1, 2.
    Dump dump =
        lockPoints()
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 12)
            .done()
            .task(2, TaskState.BLOCKED, 5)
            .awaiting(1, 13)
            .done()
            .task(3, TaskState.BLOCKED, 5)
            .awaiting(1, 11)
            .done()
            .lock(11, 1L)
            .lock(12, 2L)
            .lock(13, 3L, 1L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    assertThat(Deadlocks.of(graph))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(tasks(graph, d)).containsExactly(1L, 2L);
              assertThat(d.otherTasks()).containsExactly(3L);
            });
  }

  @Test
  void separateDeadlocksInDumpOrderAndNoneForAChain() {
    WaitDumpBuilder dump = lockPoints();
    // Tasks 1-2 deadlock; 3 waits on 4 which runs; 5-6 deadlock.
    dump.task(1, TaskState.BLOCKED, 5).awaiting(1, 11).done();
    dump.task(2, TaskState.BLOCKED, 5).awaiting(1, 12).done();
    dump.task(3, TaskState.BLOCKED, 5).awaiting(1, 13).done();
    dump.task(4, TaskState.RUNNING, 5).done();
    dump.task(6, TaskState.BLOCKED, 5).awaiting(1, 15).done();
    dump.task(5, TaskState.BLOCKED, 5).awaiting(1, 16).done();
    dump.lock(11, 2L).lock(12, 1L).lock(13, 4L).lock(15, 5L).lock(16, 6L);
    WaitForGraph graph = WaitForGraph.of(dump.build());

    assertThat(Deadlocks.of(graph))
        .extracting(d -> tasks(graph, d))
        .containsExactly(List.of(1L, 2L), List.of(6L, 5L));
  }

  @Test
  void jvmReportedDeadlockSeenByTheAgentTooIsReportedOnce() {
    Dump dump =
        lockPoints()
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 11)
            .on(31)
            .done()
            .task(2, TaskState.BLOCKED, 5)
            .awaiting(1, 12)
            .on(32)
            .done()
            .lock(11, 2L)
            .lock(12, 1L)
            .thread(31, "t1", false, "java.util.concurrent.locks.ReentrantLock$NonfairSync@1", 32L)
            .thread(32, "t2", false, "java.util.concurrent.locks.ReentrantLock$NonfairSync@2", 31L)
            .jvmDeadlock(31L, 32L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    assertThat(Deadlocks.of(graph))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.jvmReported()).isTrue();
              assertThat(tasks(graph, d)).containsExactly(1L, 2L);
            });
  }

  @Test
  void jvmReportedDeadlockOfUntracedThreads() {
    Dump dump =
        new WaitDumpBuilder()
            .thread(31, "t1", false, "java.lang.Object@aa", 32L)
            .thread(32, "t2", false, "java.lang.Object@bb", 31L)
            .jvmDeadlock(31L, 32L)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    assertThat(Deadlocks.of(graph))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.jvmReported()).isTrue();
              assertThat(d.kind()).isEqualTo(Deadlock.Kind.LOCK);
              assertThat(tasks(graph, d)).containsExactly(31L, 32L);
              assertThat(d.cycle()).extracting(WaitEdge::fromJvm).containsOnly(true);
            });
  }

  @Test
  void jvmReportWithoutLockNamesIsReportedOnItsOwn() {
    Dump dump =
        new WaitDumpBuilder()
            .thread(31, "t1", false, null, null)
            .thread(32, "t2", false, null, null)
            .jvmDeadlock(31L, 32L)
            .build();
    assertThat(Deadlocks.of(WaitForGraph.of(dump)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.cycle()).isEmpty();
              assertThat(d.threads()).containsExactly(31L, 32L);
              assertThat(d.jvmReported()).isTrue();
            });
  }

  @Test
  void aMillionTasksWaitingInAChainIntoACycle() {
    int n = 1_000_000;
    WaitDumpBuilder dump = lockPoints();
    for (int i = 1; i <= n; i++) {
      // Task i waits on lock i, held by task i + 1; the last task's lock is held by task n - 1.
      dump.task(i, TaskState.BLOCKED, 5).awaiting(1, i);
      dump.lock(i, i < n ? (long) i + 1 : (long) n - 1);
    }
    WaitForGraph graph = WaitForGraph.of(dump.build());
    assertThat(Deadlocks.of(graph))
        .singleElement()
        .satisfies(d -> assertThat(tasks(graph, d)).containsExactly((long) n - 1, (long) n));
  }
}
