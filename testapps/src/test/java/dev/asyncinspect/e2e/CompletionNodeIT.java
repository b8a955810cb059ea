package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.PendingFuture;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent started from its jar puts its own completion node on a traced method's pending future
 * (one dependent, as {@code whenComplete} would add, gone once it ran), and says nothing.
 */
class CompletionNodeIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void aPendingFutureCarriesTheAgentsNodeUntilItCompletes(Jdk jdk) throws IOException {
    ProgramRun run =
        new ForkedProgram(jdk, PendingFuture.class)
            .afterShell(
                "export JDK_JAVA_OPTIONS=--add-opens=java.base/java.util.concurrent=ALL-UNNAMED")
            .runWithAgent(
                Path.of(
                    System.getProperty("user.dir"),
                    "target",
                    "e2e",
                    "CompletionNode",
                    jdk.toString()));

    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stdout())
        .as(run.describe())
        .isEqualTo(
            """
            pending: 1 dependent, java.util.concurrent.AsyncInspectCompletion
            completed: 0 dependents
            """);
    assertThat(run.stderr()).as(run.describe()).doesNotContain("[async-inspect]");
    assertThat(onlyTask(DumpReader.read(run.dump()), "PendingFuture.produce").state())
        .isEqualTo(TaskState.COMPLETED);
  }
}
