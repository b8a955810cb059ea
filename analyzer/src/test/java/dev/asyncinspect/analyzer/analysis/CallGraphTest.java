package dev.asyncinspect.analyzer.analysis;

import static dev.asyncinspect.analyzer.analysis.ShopDump.MS;
import static dev.asyncinspect.analyzer.analysis.ShopDump.US;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import org.junit.jupiter.api.Test;

class CallGraphTest {
  private final CallGraph shop = CallGraph.of(ShopDump.build());

  @Test
  void everyMethodIsANodeInDumpOrder() {
    assertThat(shop.nodes())
        .extracting(MethodNode::name)
        .containsExactly(
            "OrderService.placeOrder",
            "Inventory.reserve",
            "PaymentClient.charge",
            "Mailer.send",
            "Audit.record");
  }

  @Test
  void nodeCountsAndTimes() {
    MethodNode placeOrder = shop.node(1);
    assertThat(placeOrder.calls()).isEqualTo(2);
    assertThat(placeOrder.callsSinceStart()).as("3 finished + 1 live").isEqualTo(4);
    assertThat(placeOrder.totalNanos()).isEqualTo(50 * MS + 30 * MS);
    assertThat(placeOrder.selfNanos()).as("6 ms + 0.5 ms").isEqualTo(6500 * US);

    MethodNode charge = shop.node(3);
    assertThat(charge.calls()).isEqualTo(2);
    assertThat(charge.totalNanos()).isEqualTo(34 * MS + 29500 * US);
    assertThat(charge.selfNanos()).isEqualTo(63500 * US);
    assertThat(charge.wallShare()).isCloseTo(63.5 / 90, within(1e-9));

    MethodNode audit = shop.node(5);
    assertThat(audit.calls()).isZero();
    assertThat(audit.callsSinceStart()).isEqualTo(7);
    assertThat(audit.totalNanos()).isZero();
  }

  @Test
  void wallSpanRunsFromTheFirstStartToTheDumpWhileTasksAreLive() {
    assertThat(shop.wallSpanNanos()).isEqualTo(90 * MS);
  }

  @Test
  void callEdgesFromParentLinks() {
    assertThat(shop.edgesFrom(1, EdgeKind.CALLS))
        .containsExactly(
            new CallEdge(1, 2, EdgeKind.CALLS, 1, 4 * MS, 4 * MS, 0),
            new CallEdge(1, 3, EdgeKind.CALLS, 2, 63500 * US, 34 * MS, 0),
            new CallEdge(1, 4, EdgeKind.CALLS, 1, 6 * MS, 6 * MS, 0));
  }

  @Test
  void awaitEdgeJoinsTheSeenWaitAndTheOneInferredFromEvents() {
    // Seen: task 4 blocked since 72 ms on task 5's future. Inferred: task 1 blocked at 19 ms,
    // task 3 ended, task 1 ran again at 50.5 ms. The join at 18.5 ms found its future done.
    assertThat(shop.edgesFrom(1, EdgeKind.AWAITS))
        .containsExactly(new CallEdge(1, 3, EdgeKind.AWAITS, 2, 59500 * US, 31500 * US, 1));
    assertThat(shop.edges()).hasSize(4);
  }

  @Test
  void classifications() {
    assertThat(shop.nodes())
        .extracting(MethodNode::asyncUse)
        .containsExactly(
            AsyncUse.SYNCHRONOUS,
            AsyncUse.COULD_BE_SYNCHRONOUS,
            AsyncUse.ASYNC_WHERE_NEEDED,
            AsyncUse.SYNCHRONOUS,
            AsyncUse.SYNCHRONOUS);
    assertThat(shop.nodes())
        .filteredOn(MethodNode::bottleneck)
        .extracting(MethodNode::id)
        .containsExactly(3);
  }

  @Test
  void bottleneckFromTwentyPercentOfTheWallSpan() {
    // Wall span 0-100; a's self time is 20 (exactly the threshold), b's 19.
    DumpBuilder dump =
        new DumpBuilder(100)
            .method(1, "Root.run", TaskKind.SYNC)
            .method(2, "A.work", TaskKind.SYNC)
            .method(3, "B.work", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 100);
    dump.task(2, 2).parent(1).ran(10, 30);
    dump.task(3, 3).parent(1).ran(40, 59);
    CallGraph graph = CallGraph.of(dump.build());

    assertThat(graph.node(1).selfNanos()).isEqualTo(100 - 20 - 19);
    assertThat(graph.node(2).bottleneck()).isTrue();
    assertThat(graph.node(3).bottleneck()).isFalse();
    assertThat(graph.node(1).bottleneck()).as("61 %").isTrue();
  }

  @Test
  void overlappingTasksCanTakeMoreThanTheWallSpan() {
    DumpBuilder dump = new DumpBuilder(10).method(1, "Worker.run", TaskKind.SYNC);
    for (int i = 1; i <= 4; i++) {
      dump.task(i, 1).ran(0, 10);
    }
    assertThat(CallGraph.of(dump.build()).node(1).wallShare()).isEqualTo(4.0);
  }

  @Test
  void recursionIsASelfEdge() {
    DumpBuilder dump = new DumpBuilder(100).method(1, "Tree.walk", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 100);
    dump.task(2, 1).parent(1).ran(10, 50);
    dump.task(3, 1).parent(2).ran(20, 30);
    CallGraph graph = CallGraph.of(dump.build());

    assertThat(graph.edges()).containsExactly(new CallEdge(1, 1, EdgeKind.CALLS, 2, 50, 40, 0));
    assertThat(graph.node(1).selfNanos()).as("60 + 30 + 10").isEqualTo(100);
  }

  @Test
  void spawnedWorkBelongsToTheMethodThatHandedItOff() {
    // Pipeline.run (0-100) hands work to a pool (SPAWNED, 10-90) that calls Repo.fetch (20-40)
    // and completes the future Pipeline.run joins from 50 to 91.
    DumpBuilder dump =
        new DumpBuilder(100)
            .method(1, "Pipeline.run", TaskKind.SYNC)
            .method(2, "Repo.fetch", TaskKind.SYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 7);
    dump.task(1, 1).ran(0, 100);
    dump.task(2, 1).spawned().parent(1).ran(10, 90);
    dump.task(3, 2).parent(2).ran(20, 40);
    dump.blocked(50, 1, 1).event(90, 2, TaskState.COMPLETED).event(91, 1, TaskState.RUNNING);
    CallGraph graph = CallGraph.of(dump.build());

    MethodNode run = graph.node(1);
    assertThat(run.calls()).isEqualTo(1);
    assertThat(run.spawned()).isEqualTo(1);
    assertThat(run.totalNanos()).isEqualTo(100);
    assertThat(run.selfNanos()).as("(100 - 80) + (80 - 20)").isEqualTo(80);
    assertThat(graph.edges())
        .containsExactly(
            new CallEdge(1, 2, EdgeKind.CALLS, 1, 20, 20, 0),
            new CallEdge(1, 1, EdgeKind.AWAITS, 1, 41, 41, 1));
  }

  @Test
  void anInferredWaitIsOnTheWaitersChildOrSiblingNeverOnAnUnrelatedTask() {
    // Handler.run (task 1) starts Repo.load (2, SYNC) and Cache.get (3, ASYNC). Task 2 waits at
    // a FUTURE point from 20 to 32; meanwhile Other.tick (4, ASYNC, a root) ends at 25 and its
    // sibling task 3 at 30. Then task 1 waits from 40 to 50 while only task 4's kind ends.
    DumpBuilder dump =
        new DumpBuilder(100)
            .method(1, "Handler.run", TaskKind.SYNC)
            .method(2, "Repo.load", TaskKind.SYNC)
            .method(3, "Cache.get", TaskKind.ASYNC)
            .method(4, "Other.tick", TaskKind.ASYNC)
            .point(1, 2, "CompletableFuture.join", AwaitKind.FUTURE, 3)
            .point(2, 1, "CompletableFuture.join", AwaitKind.FUTURE, 4);
    dump.task(1, 1).ran(0, 60);
    dump.task(2, 2).parent(1).ran(10, 35);
    dump.task(3, 3).async().parent(1).ran(15, 30);
    dump.task(4, 4).async().ran(5, 25);
    dump.task(5, 4).async().ran(41, 45);
    dump.blocked(20, 2, 1)
        .event(25, 4, TaskState.COMPLETED)
        .event(30, 3, TaskState.COMPLETED)
        .event(32, 2, TaskState.RUNNING)
        .blocked(40, 1, 2)
        .event(45, 5, TaskState.COMPLETED)
        .event(50, 1, TaskState.RUNNING);
    assertThat(CallGraph.of(dump.build()).edgesFrom(2, EdgeKind.AWAITS))
        .containsExactly(new CallEdge(2, 3, EdgeKind.AWAITS, 1, 12, 12, 1));
    assertThat(CallGraph.of(dump.build()).edgesFrom(1, EdgeKind.AWAITS)).isEmpty();
  }

  @Test
  void anAsyncCallReturningTheFutureOfWorkItSpawnedIsWhatItsCallerWaitedOn() {
    // Pipeline.run (task 1) calls Repo.fetch (2, ASYNC), which hands its work to a pool (3,
    // SPAWNED) and returns that work's future; task 1 joins it from 20 until task 3 ends at 30.
    DumpBuilder dump =
        new DumpBuilder(100)
            .method(1, "Pipeline.run", TaskKind.SYNC)
            .method(2, "Repo.fetch", TaskKind.ASYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 3);
    dump.task(1, 1).ran(0, 40);
    dump.task(2, 2).async().parent(1).ran(5, 30);
    dump.task(3, 2).spawned().parent(2).ran(6, 30);
    dump.blocked(20, 1, 1).event(30, 3, TaskState.COMPLETED).event(31, 1, TaskState.RUNNING);
    assertThat(CallGraph.of(dump.build()).edgesFrom(1, EdgeKind.AWAITS))
        .containsExactly(new CallEdge(1, 2, EdgeKind.AWAITS, 1, 11, 11, 1));
  }

  @Test
  void edgesNeverNameAMethodTheDumpLacks() {
    DumpBuilder dump = new DumpBuilder(100).method(1, "Known.run", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 100);
    dump.task(2, 99).parent(1).ran(10, 20);
    dump.task(3, 1).parent(2).ran(12, 18);
    CallGraph graph = CallGraph.of(dump.build());

    assertThat(graph.nodes()).extracting(MethodNode::id).containsExactly(1);
    assertThat(graph.edges()).isEmpty();
  }

  @Test
  void aWaitOnAFutureWhoseProducerIsNotInTheDumpAddsNoEdge() {
    DumpBuilder dump =
        new DumpBuilder(100)
            .method(1, "Waiter.run", TaskKind.SYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 5);
    dump.task(1, 1).live(TaskState.BLOCKED, 0, 10).awaiting(1, 1, 10);
    dump.future(1, 42L, 1);
    assertThat(CallGraph.of(dump.build()).edges()).isEmpty();
  }

  @Test
  void emptyDump() {
    CallGraph graph = CallGraph.of(new DumpBuilder(5).build());
    assertThat(graph.nodes()).isEmpty();
    assertThat(graph.edges()).isEmpty();
    assertThat(graph.wallSpanNanos()).isZero();
  }
}
