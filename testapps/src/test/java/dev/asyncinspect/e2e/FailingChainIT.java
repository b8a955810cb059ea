package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.awaitPointAt;
import static dev.asyncinspect.e2e.DumpQueries.blockedAt;
import static dev.asyncinspect.e2e.DumpQueries.methodStats;
import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.DumpQueries.pointStats;
import static dev.asyncinspect.e2e.SourceMarkers.line;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ErrorInfo;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.FailingChain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FailingChainIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final String OUT_OF_STOCK = "out of stock: blue-widget";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(FailingChain.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isEqualTo(3);
    assertThat(runs.withoutAgent().stdout()).isEqualTo("order failed: " + OUT_OF_STOCK + "\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void threeTasksFailInOneParentChain(Jdk jdk) {
    Dump dump = AgentRuns.of(FailingChain.class, jdk).dump();
    TaskInfo placeOrder = onlyTask(dump, "FailingChain.placeOrder");
    TaskInfo chargeCard = onlyTask(dump, "FailingChain.chargeCard");
    TaskInfo reserveStock = onlyTask(dump, "FailingChain.reserveStock");

    assertThat(placeOrder.kind()).isEqualTo(TaskKind.SYNC);
    assertThat(chargeCard.kind()).isEqualTo(TaskKind.ASYNC);
    assertThat(reserveStock.kind()).isEqualTo(TaskKind.SYNC);
    assertThat(placeOrder.parent()).isNull();
    assertThat(chargeCard.parent()).isEqualTo(placeOrder.id());
    assertThat(reserveStock.parent()).isEqualTo(chargeCard.id());
    // chargeCard returned a future that had already failed: it fails at once, never SUSPENDED.
    assertThat(dump.eventsOf(chargeCard.id()))
        .extracting(EventInfo::state)
        .containsExactly(TaskState.RUNNING, TaskState.FAILED);
    assertThat(chargeCard.suspendedNanos()).isZero();
    for (TaskInfo task : new TaskInfo[] {placeOrder, chargeCard, reserveStock}) {
      assertThat(task.state()).as("state of %s", task.name()).isEqualTo(TaskState.FAILED);
      assertThat(methodStats(dump, task.name()).failed()).as(task.name()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void eachFailedTaskHasTheExceptionItEndedWith(Jdk jdk) {
    Dump dump = AgentRuns.of(FailingChain.class, jdk).dump();

    ErrorInfo thrown = onlyTask(dump, "FailingChain.reserveStock").error();
    assertThat(thrown).isNotNull();
    assertThat(thrown.className()).isEqualTo("java.lang.IllegalStateException");
    assertThat(thrown.message()).isEqualTo(OUT_OF_STOCK);
    assertThat(thrown.stack()).isNotEmpty();
    StackFrame top = thrown.stack().get(0);
    assertThat(top.className()).isEqualTo(FailingChain.class.getName());
    assertThat(top.method()).isEqualTo("reserveStock");
    assertThat(top.line()).isEqualTo(line(FailingChain.class, "throw:out-of-stock"));

    // The future chargeCard returned failed with the very same exception.
    ErrorInfo failedFuture = onlyTask(dump, "FailingChain.chargeCard").error();
    assertThat(failedFuture).isNotNull();
    assertThat(failedFuture.className()).isEqualTo("java.lang.IllegalStateException");
    assertThat(failedFuture.message()).isEqualTo(OUT_OF_STOCK);

    // join() wraps it.
    ErrorInfo joined = onlyTask(dump, "FailingChain.placeOrder").error();
    assertThat(joined).isNotNull();
    assertThat(joined.className()).isEqualTo("java.util.concurrent.CompletionException");
    assertThat(joined.message()).isEqualTo("java.lang.IllegalStateException: " + OUT_OF_STOCK);
    assertThat(joined.cause()).isNotNull();
    assertThat(joined.cause().className()).isEqualTo("java.lang.IllegalStateException");
    assertThat(joined.cause().message()).isEqualTo(OUT_OF_STOCK);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void placeOrderFailedAtTheJoin(Jdk jdk) {
    Dump dump = AgentRuns.of(FailingChain.class, jdk).dump();
    TaskInfo placeOrder = onlyTask(dump, "FailingChain.placeOrder");
    String joinCharge = location(FailingChain.class, "await:join-charge");
    assertThat(blockedAt(dump, placeOrder)).containsExactly(joinCharge);
    assertThat(pointStats(dump, awaitPointAt(dump, joinCharge)).failed())
        .as("waits at %s that ended by an exception", joinCharge)
        .isEqualTo(1);
  }
}
