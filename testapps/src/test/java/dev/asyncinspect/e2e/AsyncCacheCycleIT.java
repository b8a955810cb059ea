package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.AsyncCacheCycle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two cache loads on two threads wait for each other's future: the dump links the cycle. */
class AsyncCacheCycleIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(AsyncCacheCycle.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout()).isEqualTo("loads of a and b wait for each other\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void eachLoadWaitsOnAFutureProducedByTheTaskRunningTheOther(Jdk jdk) {
    Dump dump = AgentRuns.of(AsyncCacheCycle.class, jdk).dump();
    String spawnName =
        "CompletableFuture.supplyAsync at " + location(AsyncCacheCycle.class, "spawn:load");
    List<TaskInfo> loads = dump.tasksNamed("AsyncCacheCycle.load");
    assertThat(loads).hasSize(2);
    for (TaskInfo load : loads) {
      assertThat(load.state()).isEqualTo(TaskState.BLOCKED);
      assertThat(dump.awaitPoint(load.await().point()).location())
          .isEqualTo(location(AsyncCacheCycle.class, "await:load-join"));
      ObjectInfo future = dump.object(load.await().object());
      TaskInfo producer = dump.task(future.producer()).orElseThrow();
      assertThat(producer.kind()).isEqualTo(TaskKind.SPAWNED);
      assertThat(producer.name()).isEqualTo(spawnName);
      assertThat(producer.state()).isEqualTo(TaskState.RUNNING);
      // The producer runs the other load, on the other thread: the cycle closes.
      TaskInfo other = loads.get(loads.get(0) == load ? 1 : 0);
      assertThat(other.parent()).isEqualTo(producer.id());
      assertThat(producer.thread()).isEqualTo(other.thread()).isNotEqualTo(load.thread());
    }
  }
}
