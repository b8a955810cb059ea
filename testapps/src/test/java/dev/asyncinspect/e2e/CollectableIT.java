package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.methodStats;
import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.Collectable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent keeps no application object alive, and finished tasks leave only bounded traces: what
 * the program's weak references see is the same with and without the agent.
 */
class CollectableIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void everythingIsCollectedAsWithoutTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(Collectable.class, jdk);
    ProgramRun plain = runs.withoutAgent();
    assertThat(plain.exitCode()).as(plain.describe()).isZero();
    assertThat(plain.stdout().lines())
        .as(plain.describe())
        .hasSize(16)
        .allMatch(l -> l.endsWith(": collected") || l.equals("heap growth under bound: true"));
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void onlyTasksThatCanNeverEndStayLiveAndOnlyAggregatesStayOfTheOthers(Jdk jdk) {
    Dump dump = AgentRuns.of(Collectable.class, jdk).dump();
    String neverRuns =
        "ExecutorService.execute at " + location(Collectable.class, "spawn:never-runs");
    assertThat(dump.tasks())
        .filteredOn(t -> !t.state().terminal())
        .extracting(TaskInfo::name, TaskInfo::state)
        .containsExactlyInAnyOrder(
            tuple("Collectable.produceNever", TaskState.SUSPENDED),
            tuple(neverRuns, TaskState.QUEUED));
    TaskInfo queued = onlyTask(dump, neverRuns);
    assertThat(queued.kind()).isEqualTo(TaskKind.SPAWNED);
    assertThat(queued.executor()).as("the executor, collected, is not named").isNull();

    // The task that ended holding a lock is long out of the retained ones; that it let the lock
    // go is shown by the lock being collected.
    assertThat(methodStats(dump, "Collectable.takeAndKeep").count()).isEqualTo(1);
    // The calls of the footprint check, one on the thread that traced code started, and one on
    // the thread with its own context class loader.
    assertThat(methodStats(dump, "Collectable.step").count()).isEqualTo(Collectable.CALLS + 2);
    assertThat(dump.tasks()).hasSizeLessThanOrEqualTo(16_384 + 2);
  }
}
