package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.UnannotatedLibrary;
import dev.asyncinspect.testapps.library.Inventory;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code trace=} patterns trace a class that has no annotations. */
class TracePatternsIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final String PATTERNS =
      ",trace=dev.asyncinspect.testapps.library.**;dev.asyncinspect.testapps.library.Inventory#reserve";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void patternsSelectFutureReturningAndNamedMethods(Jdk jdk) throws Exception {
    AgentRuns plain = AgentRuns.of(UnannotatedLibrary.class, jdk);
    Path dir =
        Path.of(System.getProperty("user.dir"), "target", "e2e", "TracePatterns", jdk.toString());
    ProgramRun run = new ForkedProgram(jdk, UnannotatedLibrary.class).runWithAgent(dir, PATTERNS);

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(plain.withoutAgent().exitCode());
    assertThat(run.stdout()).as(run.describe()).isEqualTo("inventory: 6\n");
    assertThat(run.stderr()).as(run.describe()).doesNotContain("[async-inspect]");

    Dump dump = DumpReader.read(run.dump());
    TaskInfo reserve = onlyTask(dump, "Inventory.reserve");
    TaskInfo stock = onlyTask(dump, "Inventory.stock");
    assertThat(reserve.kind()).isEqualTo(TaskKind.SYNC);
    assertThat(reserve.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(stock.kind()).isEqualTo(TaskKind.ASYNC);
    assertThat(stock.parent()).isEqualTo(reserve.id());
    assertThat(dump.tasksNamed("Inventory.describe")).isEmpty();
    assertThat(dump.awaitPoints().values())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.location())
                    .isEqualTo(location(Inventory.class, "await:reserve-join")));
  }
}
