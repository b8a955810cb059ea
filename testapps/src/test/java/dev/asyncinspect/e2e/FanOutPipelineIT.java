package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.awaitPointAt;
import static dev.asyncinspect.e2e.DumpQueries.blockedAt;
import static dev.asyncinspect.e2e.DumpQueries.method;
import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.DumpQueries.pointStats;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.FanOutPipeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FanOutPipelineIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(FanOutPipeline.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout()).isEqualTo("pipeline result: 14\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void pipelineAndItsThreeFetchesComplete(Jdk jdk) {
    Dump dump = AgentRuns.of(FanOutPipeline.class, jdk).dump();

    TaskInfo pipeline = onlyTask(dump, "FanOutPipeline.pipeline");
    assertThat(pipeline.kind()).isEqualTo(TaskKind.SYNC);
    assertThat(pipeline.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(pipeline.parent()).isNull();

    assertThat(dump.tasksNamed("FanOutPipeline.fetch"))
        .hasSize(3)
        .allSatisfy(
            fetch -> {
              assertThat(fetch.kind()).isEqualTo(TaskKind.ASYNC);
              assertThat(fetch.state()).isEqualTo(TaskState.COMPLETED);
              assertThat(fetch.parent()).isEqualTo(pipeline.id());
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void pipelineWaitsForAllPartsThenTakesEachPartAtOnce(Jdk jdk) {
    Dump dump = AgentRuns.of(FanOutPipeline.class, jdk).dump();
    String allParts = location(FanOutPipeline.class, "await:all-parts");
    String eachPart = location(FanOutPipeline.class, "await:each-part");
    int pipelineMethod = method(dump, "FanOutPipeline.pipeline").id();

    for (String location : new String[] {allParts, eachPart}) {
      AwaitPointInfo point = awaitPointAt(dump, location);
      assertThat(point.method()).isEqualTo(pipelineMethod);
      assertThat(point.operation()).isEqualTo("CompletableFuture.join");
      assertThat(point.kind()).isEqualTo(AwaitKind.FUTURE);
      assertThat(point.timed()).isFalse();
    }
    assertThat(pointStats(dump, awaitPointAt(dump, allParts)).count()).isEqualTo(1);
    assertThat(pointStats(dump, awaitPointAt(dump, eachPart)).count()).isEqualTo(3);

    // allOf(..).join() blocks unless the fetches happen to be done already when it is called;
    // once it has returned, each part.join() finds its future completed: those waits count in
    // the point's statistics (above) but return at once and never block.
    TaskInfo pipeline = onlyTask(dump, "FanOutPipeline.pipeline");
    assertThat(blockedAt(dump, pipeline)).doesNotContain(eachPart).hasSizeLessThanOrEqualTo(1);
  }
}
