package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Executor starvation on hand-built pools. Workers are SPAWNED tasks #1 and #2 running on threads
 * 11 and 12 of pool 9; each is inside a traced call (#3, #4) that joins a future.
 */
class ExecutorStarvationTest {

  /** Workers #1, #2 with inner calls #3 and #4 blocked at Demo.java:101 on futures 10 and 11. */
  private static WaitDumpBuilder twoBlockedWorkers(int poolSize) {
    return new WaitDumpBuilder()
        .point(1, "Future.get", AwaitKind.FUTURE)
        .task(1, TaskState.RUNNING, 5)
        .spawnedOn(9)
        .on(11)
        .done()
        .task(2, TaskState.RUNNING, 5)
        .spawnedOn(9)
        .on(12)
        .done()
        .task(3, TaskState.BLOCKED, 5)
        .on(11)
        .awaiting(1, 10)
        .done()
        .task(4, TaskState.BLOCKED, 5)
        .on(12)
        .awaiting(1, 11)
        .done()
        .future(10, 5L, false)
        .future(11, 6L, false)
        .pool(9, poolSize, List.of(5L, 6L), List.of(1L, 2L));
  }

  private static List<Deadlock> deadlocks(WaitDumpBuilder dump) {
    return Deadlocks.of(WaitForGraph.of(dump.build()));
  }

  @Test
  void everyWorkerBlockedOnWorkQueuedOnItsOwnPool() {
    WaitDumpBuilder dump =
        twoBlockedWorkers(2)
            .task(5, TaskState.QUEUED, 5)
            .spawnedOn(9)
            .done()
            .task(6, TaskState.QUEUED, 5)
            .spawnedOn(9)
            .done();
    WaitForGraph graph = WaitForGraph.of(dump.build());

    List<Deadlock> deadlocks = Deadlocks.of(graph);

    assertThat(deadlocks)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Deadlock.Kind.STARVATION);
              assertThat(d.executor()).isEqualTo(9);
              assertThat(d.waiters())
                  .extracting(node -> graph.node(node).id())
                  .containsExactly(1L, 3L, 2L, 4L);
            });
    String text =
        String.join("\n", DeadlocksText.render(graph, deadlocks, false)).replaceAll("\n {4,}", " ");
    assertThat(text)
        .contains(
            "DEADLOCK  4 tasks, starvation of ThreadPoolExecutor@p9 (THREAD_POOL, 2 of 2 workers")
        .contains("#1 Demo.m1  RUNNING 5ns in nested call #3")
        .contains(
            "#3 Demo.m3  BLOCKED 5ns at Demo.java:101 get() on CompletableFuture@f10 = future of #5")
        .contains(
            "#4 Demo.m4  BLOCKED 5ns at Demo.java:101 get() on CompletableFuture@f11 = future of #6")
        .contains("queued on the pool: #5 Demo.m5, #6 Demo.m6");
    assertThat(DeadlocksJson.view(graph, deadlocks).toString())
        .contains("kind=STARVATION")
        .contains("label=ThreadPoolExecutor@p9")
        .contains("queued=[5, 6]");
  }

  @Test
  void aWorkerBlockedThroughAnotherWorkersChainCounts() {
    // #3 (worker #1) waits for the future of worker #2, whose call #4 waits for queued #6.
    WaitDumpBuilder dump =
        twoBlockedWorkers(2).future(10, 2L, false).task(6, TaskState.QUEUED, 5).spawnedOn(9).done();

    assertThat(deadlocks(dump))
        .singleElement()
        .extracting(Deadlock::kind)
        .isEqualTo(Deadlock.Kind.STARVATION);
  }

  @Test
  void noStarvationWhileOneWorkerOfTwoIsFree() {
    WaitDumpBuilder dump =
        new WaitDumpBuilder()
            .point(1, "Future.get", AwaitKind.FUTURE)
            .task(1, TaskState.RUNNING, 5)
            .spawnedOn(9)
            .on(11)
            .done()
            .task(2, TaskState.RUNNING, 5)
            .spawnedOn(9)
            .on(12)
            .done()
            .task(3, TaskState.BLOCKED, 5)
            .on(11)
            .awaiting(1, 10)
            .done()
            .task(5, TaskState.QUEUED, 5)
            .spawnedOn(9)
            .done()
            .future(10, 5L, false)
            .pool(9, 2, List.of(5L), List.of(1L, 2L));

    assertThat(deadlocks(dump)).isEmpty();
  }

  @Test
  void noStarvationWhenTheQueuedWorkIsOnAnotherPool() {
    WaitDumpBuilder dump =
        twoBlockedWorkers(2)
            .task(5, TaskState.QUEUED, 5)
            .spawnedOn(8)
            .done()
            .task(6, TaskState.QUEUED, 5)
            .spawnedOn(8)
            .done()
            .pool(8, 1, List.of(5L, 6L), List.of());

    assertThat(deadlocks(dump)).isEmpty();
  }

  @Test
  void noStarvationWhileThePoolCanGrow() {
    WaitDumpBuilder dump =
        twoBlockedWorkers(3)
            .task(5, TaskState.QUEUED, 5)
            .spawnedOn(9)
            .done()
            .task(6, TaskState.QUEUED, 5)
            .spawnedOn(9)
            .done();

    assertThat(deadlocks(dump)).isEmpty();
  }

  /**
   * Pools 8 and 9 of one worker each: worker #1 of pool 9 (in call #3) waits for #5, queued on pool
   * 8; worker #2 of pool 8 (in call #4) waits for #6, queued on pool {@code sixQueuedOn}.
   */
  private static WaitDumpBuilder twoPools(int sixQueuedOn, int sizeOf8) {
    return new WaitDumpBuilder()
        .point(1, "Future.get", AwaitKind.FUTURE)
        .task(1, TaskState.RUNNING, 5)
        .spawnedOn(9)
        .on(11)
        .done()
        .task(2, TaskState.RUNNING, 5)
        .spawnedOn(8)
        .on(12)
        .done()
        .task(3, TaskState.BLOCKED, 5)
        .on(11)
        .awaiting(1, 10)
        .done()
        .task(4, TaskState.BLOCKED, 5)
        .on(12)
        .awaiting(1, 11)
        .done()
        .task(5, TaskState.QUEUED, 5)
        .spawnedOn(8)
        .done()
        .task(6, TaskState.QUEUED, 5)
        .spawnedOn(sixQueuedOn)
        .done()
        .future(10, 5L, false)
        .future(11, 6L, false)
        .pool(8, sizeOf8, sixQueuedOn == 8 ? List.of(5L, 6L) : List.of(5L), List.of(2L))
        .pool(9, 1, sixQueuedOn == 9 ? List.of(6L) : List.of(), List.of(1L));
  }

  @Test
  void twoPoolsWhoseWorkersWaitForWorkQueuedOnTheOtherStarveEachOther() {
    WaitForGraph graph = WaitForGraph.of(twoPools(9, 1).build());

    List<Deadlock> deadlocks = Deadlocks.of(graph);

    assertThat(deadlocks)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Deadlock.Kind.STARVATION);
              assertThat(d.executors()).containsExactly(8, 9);
              assertThat(d.waiters())
                  .extracting(node -> graph.node(node).id())
                  .containsExactly(2L, 4L, 1L, 3L);
            });
    String text =
        String.join("\n", DeadlocksText.render(graph, deadlocks, false)).replaceAll("\n {4,}", " ");
    assertThat(text)
        .contains(
            "DEADLOCK  4 tasks, starvation of ThreadPoolExecutor@p8 (THREAD_POOL, 1 of 1 workers"
                + " blocked on work queued on it) and ThreadPoolExecutor@p9 (THREAD_POOL, 1 of 1")
        .contains("queued on ThreadPoolExecutor@p8: #5 Demo.m5")
        .contains("queued on ThreadPoolExecutor@p9: #6 Demo.m6")
        .doesNotContain("queued on the pool");
    assertThat(DeadlocksJson.view(graph, deadlocks).toString())
        .contains("label=ThreadPoolExecutor@p8")
        .contains("label=ThreadPoolExecutor@p9");
  }

  @Test
  void aPoolThatWaitsOnAStarvedPoolIsNotPartOfItsDeadlock() {
    // Pool 8's worker waits for work queued on pool 8 itself; pool 9's worker waits on pool 8.
    List<Deadlock> deadlocks = deadlocks(twoPools(8, 1));

    assertThat(deadlocks)
        .singleElement()
        .satisfies(d -> assertThat(d.executors()).containsExactly(8));
  }

  @Test
  void noStarvationWhenTheOtherPoolHasAFreeWorker() {
    assertThat(deadlocks(twoPools(9, 2))).isEmpty();
  }
}
