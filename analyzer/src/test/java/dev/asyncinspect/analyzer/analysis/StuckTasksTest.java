package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.analysis.ChainEnd.Kind;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StuckTasksTest {
  private static final long SECOND = 1_000_000_000L;

  private static WaitDumpBuilder dump() {
    return new WaitDumpBuilder()
        .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
        .point(2, "ReentrantLock.lock", AwaitKind.LOCK)
        .point(3, "Thread.sleep", AwaitKind.SLEEP)
        .point(4, "CountDownLatch.await", AwaitKind.LATCH)
        .point(5, "Thread.join", AwaitKind.THREAD);
  }

  private static StuckTasks stuck(Dump dump) {
    return StuckTasks.of(WaitForGraph.of(dump), StuckCriteria.olderThan(SECOND));
  }

  private static WaitChain onlyChain(StuckTasks stuck) {
    assertThat(stuck.chains()).hasSize(1);
    return stuck.chains().get(0);
  }

  @Test
  void futureReturnedBySuspendedTaskHasNoKnownProducer() {
    Dump dump =
        dump()
            .task(1, TaskState.BLOCKED, 2 * SECOND)
            .awaiting(1, 10)
            .done()
            .task(2, TaskState.SUSPENDED, 2 * SECOND)
            .returned(10)
            .parent(1)
            .done()
            .future(10, 2L, false)
            .build();
    WaitChain chain = onlyChain(stuck(dump));

    assertThat(chain.stuckTasks()).containsExactly(1L, 2L);
    assertThat(chain.end().kind()).isEqualTo(Kind.NO_KNOWN_PRODUCER);
    assertThat(chain.end().rootCause())
        .isEqualTo(
            "#2 Demo.m2 returned CompletableFuture@f10 incomplete, and no known task will"
                + " complete it: no known producer");
  }

  @Test
  void endsOfFutureChains() {
    WaitDumpBuilder dump = dump();
    dump.task(1, TaskState.BLOCKED, 2 * SECOND).awaiting(1, 10);
    dump.task(2, TaskState.BLOCKED, 2 * SECOND).awaiting(1, 11);
    dump.task(3, TaskState.BLOCKED, 2 * SECOND).awaiting(1, 12);
    dump.task(4, TaskState.BLOCKED, 2 * SECOND).awaiting(1, 13);
    dump.task(5, TaskState.COMPLETED, 3 * SECOND);
    dump.task(6, TaskState.RUNNING, 5 * SECOND);
    dump.future(10, null, false).future(11, 5L, false).future(12, 5L, true).future(13, 6L, false);
    StuckTasks stuck = stuck(dump.build());

    assertThat(stuck.chains())
        .extracting(chain -> chain.end().kind())
        .containsExactly(
            Kind.NO_KNOWN_PRODUCER, Kind.PRODUCER_FINISHED, Kind.FUTURE_DONE, Kind.RUNNING);
    assertThat(stuck.chains().get(0).end().rootCause()).endsWith("no known producer");
    assertThat(stuck.chains().get(1).end().rootCause())
        .isEqualTo("#5 Demo.m5 ended COMPLETED without completing CompletableFuture@f11");
    assertThat(stuck.chains().get(3).end().rootCause())
        .isEqualTo("#6 Demo.m6 is RUNNING (for 5.0s)");
    assertThat(stuck.tasks()).extracting(TaskInfo::id).containsExactly(1L, 2L, 3L, 4L, 6L);
  }

  @Test
  void endsOfOtherWaits() {
    WaitDumpBuilder dump = dump();
    dump.task(1, TaskState.BLOCKED, 2 * SECOND).awaiting(3, null);
    dump.task(2, TaskState.BLOCKED, 2 * SECOND).awaiting(4, 20);
    dump.task(3, TaskState.BLOCKED, 2 * SECOND).awaiting(2, 21);
    dump.task(4, TaskState.BLOCKED, 2 * SECOND).awaiting(5, 22);
    dump.task(5, TaskState.QUEUED, 2 * SECOND);
    dump.task(6, TaskState.BLOCKED, 2 * SECOND).awaiting(1, 99);
    dump.object(20, ObjectKind.LATCH, "java.util.concurrent.CountDownLatch", null);
    dump.object(
        new dev.asyncinspect.analyzer.dump.ObjectInfo(
            21,
            ObjectKind.LOCK,
            "java.util.concurrent.locks.ReentrantLock",
            "l21",
            null,
            null,
            null,
            List.of(),
            true,
            null,
            List.of()));
    dump.object(22, ObjectKind.THREAD, "java.lang.Thread", 77L);
    StuckTasks stuck = stuck(dump.build());

    assertThat(stuck.chains())
        .extracting(chain -> chain.end().kind())
        .containsExactly(
            Kind.SLEEPING,
            Kind.NO_KNOWN_RELEASER,
            Kind.UNTRACED_HOLDER,
            Kind.UNTRACED_THREAD,
            Kind.QUEUED,
            Kind.NOT_IN_DUMP);
    assertThat(stuck.chains().get(0).end().rootCause())
        .isEqualTo("#1 Demo.m1 sleeps at Demo.java:103 sleep()");
    assertThat(stuck.chains().get(1).end().rootCause())
        .isEqualTo("no known task counts down CountDownLatch@o20");
  }

  @Test
  void lockHolderThatFinishedWithoutReleasing() {
    Dump dump =
        dump()
            .task(1, TaskState.BLOCKED, 2 * SECOND)
            .awaiting(2, 20)
            .done()
            .task(2, TaskState.FAILED, 3 * SECOND)
            .done()
            .lock(20, 2L)
            .build();
    assertThat(onlyChain(stuck(dump)).end().rootCause())
        .isEqualTo("#2 Demo.m2 ended FAILED still holding ReentrantLock@l20");
  }

  @Test
  void aChainThroughSeveralTasksEndsAtTheRunningOne() {
    Dump dump =
        dump()
            .task(1, TaskState.BLOCKED, 3 * SECOND)
            .awaiting(2, 20)
            .done()
            .task(2, TaskState.BLOCKED, 2 * SECOND)
            .awaiting(1, 21)
            .done()
            .task(3, TaskState.RUNNING, 1_000)
            .done()
            .lock(20, 2L)
            .future(21, 3L, false)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    WaitChain chain = onlyChain(StuckTasks.of(graph, StuckCriteria.olderThan(SECOND)));

    assertThat(chain.nodes())
        .containsExactly(
            graph.taskNode(1),
            graph.objectNode(20),
            graph.taskNode(2),
            graph.objectNode(21),
            graph.taskNode(3));
    // Task 3 is on the chain but not stuck itself: it has run for 1us only.
    assertThat(chain.stuckTasks()).containsExactly(1L, 2L);
    assertThat(chain.end().kind()).isEqualTo(Kind.RUNNING);
    assertThat(chain.joins()).isEqualTo(-1);
  }

  @Test
  void waitersOfOneFutureShareTheTailOnce() {
    WaitDumpBuilder dump = dump();
    for (int i = 1; i <= 3; i++) {
      dump.task(i, TaskState.BLOCKED, 2 * SECOND).awaiting(1, 10);
    }
    dump.task(4, TaskState.SUSPENDED, 2 * SECOND).returned(10);
    dump.future(10, 4L, false);
    WaitForGraph graph = WaitForGraph.of(dump.build());
    StuckTasks stuck = StuckTasks.of(graph, StuckCriteria.olderThan(SECOND));

    assertThat(stuck.chains()).hasSize(3);
    assertThat(stuck.chains().get(0).stuckTasks()).containsExactly(1L, 4L);
    assertThat(stuck.chains().get(1).nodes()).containsExactly(graph.taskNode(2));
    assertThat(stuck.chains().get(1).joins()).isEqualTo(graph.objectNode(10));
    assertThat(stuck.chains())
        .extracting(chain -> chain.end().kind())
        .containsOnly(Kind.NO_KNOWN_PRODUCER);
    assertThat(StuckTasksText.render(graph, stuck, false))
        .containsSubsequence(
            "STUCK  1 task",
            "  #2 Demo.m2  BLOCKED 2.0s at Demo.java:101 join() on CompletableFuture@f10 =",
            "      future of #4",
            "  joins the chain above at CompletableFuture@f10",
            "  root cause: #4 Demo.m4 returned CompletableFuture@f10 incomplete, and no known",
            "      task will complete it: no known producer");
  }

  @Test
  void deadlockedTasksAreLeftToDeadlocksButTheirWaitersAreStuck() {
    Dump dump =
        dump()
            .task(1, TaskState.BLOCKED, 2 * SECOND)
            .awaiting(2, 11)
            .done()
            .task(2, TaskState.BLOCKED, 2 * SECOND)
            .awaiting(2, 12)
            .done()
            .task(3, TaskState.BLOCKED, 2 * SECOND)
            .awaiting(2, 13)
            .done()
            .lock(11, 2L)
            .lock(12, 1L)
            .lock(13, 1L)
            .build();
    StuckTasks stuck = stuck(dump);

    assertThat(stuck.deadlocked()).isEqualTo(2);
    WaitChain chain = onlyChain(stuck);
    assertThat(chain.stuckTasks()).containsExactly(3L);
    assertThat(chain.end().kind()).isEqualTo(Kind.CYCLE);
    assertThat(chain.end().rootCause())
        .isEqualTo("a deadlock: #1 Demo.m1 and #2 Demo.m2 wait for each other");
  }

  @Test
  void thresholdAndExitCriteria() {
    WaitDumpBuilder dump = dump().reason("exit");
    dump.task(1, TaskState.BLOCKED, 5_000_000).awaiting(3, null);
    dump.task(2, TaskState.RUNNING, 10 * SECOND);
    dump.task(3, TaskState.SUSPENDED, 1_000);
    dump.task(4, TaskState.COMPLETED, 10 * SECOND);
    Dump built = dump.build();
    WaitForGraph graph = WaitForGraph.of(built);

    StuckTasks atExit = StuckTasks.of(graph, StuckCriteria.defaultsFor(built));
    assertThat(atExit.criteria().waitingAtExit()).isTrue();
    assertThat(atExit.tasks()).extracting(TaskInfo::id).containsExactly(1L, 3L);
    assertThat(atExit.longestNotStuck()).isEqualTo(10 * SECOND);

    StuckTasks oneSecond = StuckTasks.of(graph, StuckCriteria.olderThan(SECOND));
    assertThat(oneSecond.tasks()).extracting(TaskInfo::id).containsExactly(2L);
    assertThat(oneSecond.longestNotStuck()).isEqualTo(5_000_000);

    StuckTasks all = StuckTasks.of(graph, StuckCriteria.olderThan(0));
    assertThat(all.tasks()).extracting(TaskInfo::id).containsExactly(1L, 2L, 3L);
    assertThat(all.longestNotStuck()).isEqualTo(-1);

    Dump running = dump().task(1, TaskState.BLOCKED, 5_000_000).awaiting(3, null).done().build();
    assertThat(StuckCriteria.defaultsFor(running))
        .isEqualTo(StuckCriteria.olderThan(StuckCriteria.DEFAULT_THRESHOLD_NANOS));
  }

  @Test
  void aRunningTaskWaitsForTheNestedCallItIsIn() {
    // 1 is SPAWNED work running on thread 22 inside which the traced call 2 is blocked on a
    // future that the running task 3 produces.
    Dump dump =
        dump()
            .task(1, TaskState.RUNNING, 2 * SECOND)
            .on(22)
            .done()
            .task(2, TaskState.BLOCKED, 2 * SECOND)
            .parent(1)
            .on(22)
            .awaiting(1, 10)
            .done()
            .task(3, TaskState.RUNNING, 2 * SECOND)
            .on(23)
            .done()
            .future(10, 3L, false)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    WaitChain chain = onlyChain(StuckTasks.of(graph, StuckCriteria.olderThan(SECOND)));
    assertThat(chain.nodes())
        .containsExactly(
            graph.taskNode(1), graph.taskNode(2), graph.objectNode(10), graph.taskNode(3));
    assertThat(chain.end().rootCause()).isEqualTo("#3 Demo.m3 is RUNNING (for 2.0s)");
  }

  @Test
  void aSuspendedTaskWaitsForTheTaskThatProducesTheFutureItReturned() {
    Dump dump =
        dump()
            .task(1, TaskState.SUSPENDED, 2 * SECOND)
            .returned(10)
            .done()
            .task(2, TaskState.QUEUED, 2 * SECOND)
            .done()
            .task(3, TaskState.SUSPENDED, 2 * SECOND)
            .returned(11)
            .done()
            .future(10, 2L, false)
            .future(11, 3L, true)
            .build();
    StuckTasks stuck = stuck(dump);
    assertThat(stuck.chains())
        .extracting(chain -> chain.end().kind())
        .containsExactly(Kind.QUEUED, Kind.FUTURE_DONE);
    assertThat(stuck.chains().get(0).stuckTasks()).containsExactly(1L, 2L);
  }

  @Test
  void aFutureCycleThroughNestedCallsIsLeftToDeadlocks() {
    // The async cache of the AsyncCacheCycle test program: spawned loads 1 and 3 run the traced
    // loads 2 and 4, each joining the future the other spawned load produces.
    Dump dump =
        dump()
            .task(1, TaskState.RUNNING, 2 * SECOND)
            .on(22)
            .returned(10)
            .done()
            .task(2, TaskState.BLOCKED, 2 * SECOND)
            .on(22)
            .awaiting(1, 11)
            .done()
            .task(3, TaskState.RUNNING, 2 * SECOND)
            .on(23)
            .returned(11)
            .done()
            .task(4, TaskState.BLOCKED, 2 * SECOND)
            .on(23)
            .awaiting(1, 10)
            .done()
            .task(5, TaskState.SUSPENDED, 2 * SECOND)
            .returned(10)
            .done()
            .future(10, 1L, false)
            .future(11, 3L, false)
            .build();
    WaitForGraph graph = WaitForGraph.of(dump);
    StuckTasks stuck = StuckTasks.of(graph, StuckCriteria.olderThan(SECOND));
    assertThat(stuck.deadlocked()).isEqualTo(4);
    WaitChain chain = onlyChain(stuck);
    assertThat(chain.stuckTasks()).containsExactly(5L);
    assertThat(chain.end().rootCause())
        .isEqualTo("a deadlock: #1, #2, #3 and #4 wait for each other");
    assertThat(Deadlocks.of(graph))
        .singleElement()
        .satisfies(
            deadlock -> {
              assertThat(deadlock.kind()).isEqualTo(Deadlock.Kind.FUTURE);
              assertThat(deadlock.waiters())
                  .extracting(node -> graph.node(node).id())
                  .containsExactly(1L, 2L, 3L, 4L);
            });
    assertThat(DeadlocksText.render(graph, Deadlocks.of(graph), false))
        .containsExactly(
            "DEADLOCK  4 tasks, future cycle",
            "  #1 Demo.m1  RUNNING 2.0s in nested call #2",
            "  #2 Demo.m2  BLOCKED 2.0s at Demo.java:101 join() on CompletableFuture@f11 =",
            "      future of #3",
            "  #3 Demo.m3  RUNNING 2.0s in nested call #4",
            "  #4 Demo.m4  BLOCKED 2.0s at Demo.java:101 join() on CompletableFuture@f10 =",
            "      future of #1");
  }

  @Test
  void aMillionTasksOnOneChain() {
    int n = 1_000_000;
    WaitDumpBuilder dump = dump();
    for (int i = 1; i <= n; i++) {
      // Task i joins the future of task i + 1; the last one runs.
      if (i < n) {
        dump.task(i, TaskState.BLOCKED, 2 * SECOND).awaiting(1, i);
        dump.future(i, (long) i + 1, false);
      } else {
        dump.task(i, TaskState.RUNNING, 2 * SECOND);
      }
    }
    StuckTasks stuck = stuck(dump.build());
    WaitChain chain = onlyChain(stuck);
    assertThat(chain.stuckTasks()).hasSize(n);
    assertThat(chain.nodes()).hasSize(2 * n - 1);
    assertThat(chain.end().rootCause())
        .isEqualTo("#" + n + " Demo.m" + n + " is RUNNING (for 2.0s)");
  }
}
