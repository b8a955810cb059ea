package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.CleanPools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same pools used without starvation: every task, spawned or traced, completes. */
class CleanPoolsIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(CleanPools.class, jdk);
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout()).isEqualTo("total 201\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void everyTaskCompletes(Jdk jdk) {
    Dump dump = AgentRuns.of(CleanPools.class, jdk).dump();
    assertThat(dump.tasks()).hasSize(9).allMatch(t -> t.state() == TaskState.COMPLETED);
    assertThat(dump.tasks()).filteredOn(t -> t.kind() == TaskKind.SPAWNED).hasSize(4);
  }
}
