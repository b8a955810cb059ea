package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.awaitPointAt;
import static dev.asyncinspect.e2e.DumpQueries.method;
import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.DumpQueries.pointStats;
import static dev.asyncinspect.e2e.DumpQueries.taskCounts;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.InnerClassWork;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Await points and spawn points in anonymous and local classes a traced method declares are woven
 * as the method's own, and recorded against the tasks that run them.
 */
class InnerClassWorkIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(InnerClassWork.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout())
        .isEqualTo("total 42; two jobs wait for an approval that never comes\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void anonymousClassJobsWaitAtTheirOwnLinesAsTasksOfTheirOwn(Jdk jdk) {
    Dump dump = AgentRuns.of(InnerClassWork.class, jdk).dump();
    TaskInfo dispatch = onlyTask(dump, "InnerClassWork.dispatch");
    assertThat(dispatch.state()).isEqualTo(TaskState.COMPLETED);
    int dispatchMethod = method(dump, "InnerClassWork.dispatch").id();

    AwaitPointInfo approval = awaitPointAt(dump, location(InnerClassWork.class, "await:approval"));
    assertThat(approval.method()).isEqualTo(dispatchMethod);
    assertThat(approval.operation()).isEqualTo("CountDownLatch.await");

    String outerSite = " at " + location(InnerClassWork.class, "spawn:approval");
    String nestedSite = " at " + location(InnerClassWork.class, "spawn:nested");
    List<TaskInfo> outer = dump.tasks().stream().filter(t -> t.name().endsWith(outerSite)).toList();
    List<TaskInfo> nested =
        dump.tasks().stream().filter(t -> t.name().endsWith(nestedSite)).toList();
    assertThat(outer).as("tasks: %s", taskCounts(dump)).hasSize(1);
    assertThat(nested).as("tasks: %s", taskCounts(dump)).hasSize(1);
    TaskInfo job = outer.get(0);
    TaskInfo child = nested.get(0);
    assertThat(job.kind()).isEqualTo(TaskKind.SPAWNED);
    assertThat(job.parent()).isEqualTo(dispatch.id());
    // Handed off inside the anonymous class: a child of the task that runs it.
    assertThat(child.kind()).isEqualTo(TaskKind.SPAWNED);
    assertThat(child.parent()).isEqualTo(job.id());
    for (TaskInfo waiting : List.of(job, child)) {
      assertThat(waiting.state()).isEqualTo(TaskState.BLOCKED);
      assertThat(waiting.await().point()).isEqualTo(approval.id());
      assertThat(dump.object(waiting.await().object()).className())
          .isEqualTo("java.util.concurrent.CountDownLatch");
    }

    AwaitPointInfo localJoin =
        awaitPointAt(dump, location(InnerClassWork.class, "await:local-join"));
    assertThat(localJoin.method()).isEqualTo(dispatchMethod);
    assertThat(pointStats(dump, localJoin).count()).isEqualTo(1);
    AwaitPointInfo totals = awaitPointAt(dump, location(InnerClassWork.class, "await:totals-get"));
    assertThat(pointStats(dump, totals).count()).isEqualTo(1);
  }
}
