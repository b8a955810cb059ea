package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.Encapsulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent grants the application none of the JDK's internals it grants itself. */
class EncapsulationIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void theApplicationGetsNoExportAndNoOpening(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(Encapsulation.class, jdk);
    assertThat(runs.withoutAgent().stdout())
        .isEqualTo(
            """
            jdk.internal.misc: exported false, open false
            jdk.internal.access: exported false, open false
            java.lang: exported true, open false
            java.util.concurrent: exported true, open false
            the traced method ran
            """);
    runs.assertAgentChangesNothing();
    assertThat(onlyTask(runs.dump(), "Encapsulation.traced").state())
        .isEqualTo(TaskState.COMPLETED);
  }
}
