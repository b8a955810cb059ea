package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.awaitPointAt;
import static dev.asyncinspect.e2e.DumpQueries.methodStats;
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
import dev.asyncinspect.testapps.VirtualThreadFanOut;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VirtualThreadFanOutIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease21";
  private static final int REQUESTS = 10_000;
  private static final String HANDLER = "VirtualThreadFanOut.handleRequest";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(VirtualThreadFanOut.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout()).isEqualTo("handled " + REQUESTS + " requests\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void everyRequestIsACompletedRootTask(Jdk jdk) {
    Dump dump = AgentRuns.of(VirtualThreadFanOut.class, jdk).dump();

    TaskInfo fanOut = onlyTask(dump, "VirtualThreadFanOut.fanOut");
    assertThat(fanOut.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(fanOut.parent()).isNull();

    assertThat(dump.tasksNamed(HANDLER))
        .hasSize(REQUESTS)
        .allSatisfy(
            task -> {
              assertThat(task.kind()).isEqualTo(TaskKind.SYNC);
              assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
              // Work on another thread has no parent in this version.
              assertThat(task.parent()).isNull();
            });
    assertThat(methodStats(dump, HANDLER).count()).isEqualTo(REQUESTS);
    assertThat(methodStats(dump, HANDLER).failed()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void nothingIsDropped(Jdk jdk) {
    Dump dump = AgentRuns.of(VirtualThreadFanOut.class, jdk).dump();
    assertThat(dump.end().totalTasks()).isEqualTo(REQUESTS + 1);
    // The event history is a bounded ring and may overflow here; tasks must not.
    assertThat(dump.end().dropped()).containsEntry("tasks", 0L).containsEntry("finishedTasks", 0L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void everyRequestSleptAndWasJoined(Jdk jdk) {
    Dump dump = AgentRuns.of(VirtualThreadFanOut.class, jdk).dump();

    AwaitPointInfo sleep = awaitPointAt(dump, location(VirtualThreadFanOut.class, "await:sleep"));
    assertThat(sleep.operation()).isEqualTo("Thread.sleep");
    assertThat(sleep.kind()).isEqualTo(AwaitKind.SLEEP);
    assertThat(pointStats(dump, sleep).count()).isEqualTo(REQUESTS);

    AwaitPointInfo join =
        awaitPointAt(dump, location(VirtualThreadFanOut.class, "await:join-request"));
    assertThat(join.operation()).isEqualTo("Thread.join");
    assertThat(join.kind()).isEqualTo(AwaitKind.THREAD);
    assertThat(pointStats(dump, join).count()).isEqualTo(REQUESTS);
  }
}
