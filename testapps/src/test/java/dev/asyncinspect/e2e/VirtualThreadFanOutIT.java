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
  void everyRequestRunsInASpawnedTaskOfTheFanOut(Jdk jdk) {
    Dump dump = AgentRuns.of(VirtualThreadFanOut.class, jdk).dump();

    TaskInfo fanOut = onlyTask(dump, "VirtualThreadFanOut.fanOut");
    assertThat(fanOut.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(fanOut.parent()).isNull();

    // Each virtual thread's work is a SPAWNED child of fanOut, and the traced request handler
    // running in it is that task's child. More tasks finish than the dump retains (16384 by
    // default); the statistics count all of them.
    String spawnName = "OfVirtual.start at " + location(VirtualThreadFanOut.class, "spawn:start");
    assertThat(dump.tasksNamed(HANDLER))
        .isNotEmpty()
        .allSatisfy(
            task -> {
              assertThat(task.kind()).isEqualTo(TaskKind.SYNC);
              assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
              assertThat(task.parent()).isNotNull();
              dump.task(task.parent())
                  .ifPresent(
                      spawned -> {
                        assertThat(spawned.kind()).isEqualTo(TaskKind.SPAWNED);
                        assertThat(spawned.name()).isEqualTo(spawnName);
                        assertThat(spawned.state()).isEqualTo(TaskState.COMPLETED);
                        assertThat(spawned.parent()).isEqualTo(fanOut.id());
                      });
            });
    assertThat(dump.tasksNamed(spawnName)).isNotEmpty();
    assertThat(methodStats(dump, HANDLER).count()).isEqualTo(REQUESTS);
    assertThat(methodStats(dump, HANDLER).failed()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void noTaskIsDroppedAndTheNewestFinishedAreRetained(Jdk jdk) {
    Dump dump = AgentRuns.of(VirtualThreadFanOut.class, jdk).dump();
    long total = 2L * REQUESTS + 1;
    int retained = 16_384;
    assertThat(dump.end().totalTasks()).isEqualTo(total);
    assertThat(dump.tasks()).hasSize(retained);
    // The event history is a bounded ring and overflows here; the task table must not.
    assertThat(dump.end().dropped())
        .containsEntry("tasks", 0L)
        .containsEntry("finishedTasks", total - retained);
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
