package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.StuckDerivedFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A wait on a derived future leads, through the dump's {@code sources}, to its producers. */
class StuckDerivedFutureIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(StuckDerivedFuture.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout())
        .isEqualTo("the report waits for stock that never comes\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void combinedFutureLeadsBackToTheStockProducer(Jdk jdk) {
    Dump dump = AgentRuns.of(StuckDerivedFuture.class, jdk).dump();
    TaskInfo report = onlyTask(dump, "StuckDerivedFuture.report");
    TaskInfo stock = onlyTask(dump, "StuckDerivedFuture.fetchStock");
    assertThat(report.state()).isEqualTo(TaskState.BLOCKED);
    assertThat(dump.awaitPoint(report.await().point()).location())
        .isEqualTo(location(StuckDerivedFuture.class, "await:combined"));
    ObjectInfo combined = dump.object(report.await().object());
    assertThat(combined.producer()).isNull();
    assertThat(combined.sources())
        .anySatisfy(id -> assertThat(dump.object(id).producer()).isEqualTo(stock.id()));
    assertThat(stock.state()).isEqualTo(TaskState.SUSPENDED);
  }
}
