package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.IsolatedLoader;
import dev.asyncinspect.testapps.isolated.Plugin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Traced code in a class loader whose parent is the boot loader is woven and recorded. */
class IsolatedLoaderIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(IsolatedLoader.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout())
        .isEqualTo("computed in isolation\nplugin loaded apart: true\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void pluginTasksAreRecorded(Jdk jdk) {
    Dump dump = AgentRuns.of(IsolatedLoader.class, jdk).dump();
    TaskInfo run = onlyTask(dump, "Plugin.run");
    TaskInfo compute = onlyTask(dump, "Plugin.compute");
    assertThat(run.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(compute.kind()).isEqualTo(TaskKind.ASYNC);
    assertThat(compute.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(compute.parent()).isEqualTo(run.id());
    assertThat(dump.awaitPoints().values())
        .singleElement()
        .satisfies(
            point ->
                assertThat(point.location())
                    .isEqualTo(location(Plugin.class, "await:plugin-join")));
  }
}
