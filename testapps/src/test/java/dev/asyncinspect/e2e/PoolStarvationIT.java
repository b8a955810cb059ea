package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.PoolStarvation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A pool of 2 whose jobs wait for children queued on the same pool: the dump shows it all. */
class PoolStarvationIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(PoolStarvation.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout())
        .isEqualTo("pool starved: 2 workers wait for 2 queued children\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void bothWorkersWaitForChildrenQueuedBehindThem(Jdk jdk) {
    Dump dump = AgentRuns.of(PoolStarvation.class, jdk).dump();
    String jobName =
        "ThreadPoolExecutor.submit at " + location(PoolStarvation.class, "spawn:handle");
    String childName =
        "ThreadPoolExecutor.submit at " + location(PoolStarvation.class, "spawn:price");
    List<TaskInfo> jobs = dump.tasksNamed(jobName);
    List<TaskInfo> handlers = dump.tasksNamed("PoolStarvation.handle");
    List<TaskInfo> children = dump.tasksNamed(childName);
    assertThat(jobs)
        .hasSize(2)
        .allSatisfy(
            job -> {
              assertThat(job.kind()).isEqualTo(TaskKind.SPAWNED);
              assertThat(job.state()).isEqualTo(TaskState.RUNNING);
            });
    assertThat(children)
        .hasSize(2)
        .allSatisfy(
            child -> {
              assertThat(child.kind()).isEqualTo(TaskKind.SPAWNED);
              assertThat(child.state()).isEqualTo(TaskState.QUEUED);
            });
    assertThat(handlers).hasSize(2);
    for (TaskInfo handler : handlers) {
      assertThat(handler.state()).isEqualTo(TaskState.BLOCKED);
      TaskInfo job = dump.task(handler.parent()).orElseThrow();
      assertThat(job.name()).isEqualTo(jobName);
      assertThat(handler.thread()).isEqualTo(job.thread());
      assertThat(dump.awaitPoint(handler.await().point()).location())
          .isEqualTo(location(PoolStarvation.class, "await:price-get"));
      ObjectInfo future = dump.object(handler.await().object());
      TaskInfo child = dump.task(future.producer()).orElseThrow();
      assertThat(child.name()).isEqualTo(childName);
      assertThat(child.state()).isEqualTo(TaskState.QUEUED);
      assertThat(child.parent()).isEqualTo(handler.id());
    }
  }
}
