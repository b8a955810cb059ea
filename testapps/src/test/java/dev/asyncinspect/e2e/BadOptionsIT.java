package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.testapps.FanOutPipeline;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad agent options and an unusable dump target never stop the program: one clear line each on
 * stderr, and the program's output and exit code stay the same.
 */
class BadOptionsIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void unknownAndMalformedOptionsAreReportedAndTheRestApplies(Jdk jdk) throws Exception {
    AgentRuns plain = AgentRuns.of(FanOutPipeline.class, jdk);
    Path dir = workDir(jdk, "bad-options");
    ProgramRun run =
        new ForkedProgram(jdk, FanOutPipeline.class)
            .runWithAgent(dir, ",colour=blue,maxEvents=lots");

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(plain.withoutAgent().exitCode());
    assertThat(run.stdout()).as(run.describe()).isEqualTo(plain.withoutAgent().stdout());
    assertThat(run.stderr().lines().filter(l -> l.contains("[async-inspect]")))
        .as(run.describe())
        .containsExactly(
            "[async-inspect] unknown option 'colour' ignored; known options: dump, dumpInterval,"
                + " maxLiveTasks, maxFinishedTasks, maxEvents, errorMessages, trace, pinning, control, stuck",
            "[async-inspect] option maxEvents=lots ignored: expected a whole number from 0 to"
                + " 67108864");
    Dump dump = DumpReader.read(run.dump());
    assertThat(dump.complete()).isTrue();
    assertThat(dump.tasksNamed("FanOutPipeline.pipeline")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void missingDumpFolderIsReportedAndTheProgramRunsOn(Jdk jdk) {
    AgentRuns plain = AgentRuns.of(FanOutPipeline.class, jdk);
    Path dir = workDir(jdk, "missing-folder");
    Path target = dir.resolve("no-such-folder").resolve("x.aidump.jsonl");
    ProgramRun run =
        new ForkedProgram(jdk, FanOutPipeline.class).runWithAgentOptions(dir, "dump=" + target);

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(plain.withoutAgent().exitCode());
    assertThat(run.stdout()).as(run.describe()).isEqualTo(plain.withoutAgent().stdout());
    assertThat(run.stderr().lines().filter(l -> l.contains("[async-inspect]")))
        .as(run.describe())
        .containsExactly(
            "[async-inspect] dump folder "
                + target.getParent()
                + " does not exist; dumps will fail until it does",
            "[async-inspect] could not write dump to "
                + target
                + ": folder "
                + target.getParent()
                + " does not exist");
    assertThat(target).doesNotExist();
  }

  private static Path workDir(Jdk jdk, String name) {
    return Path.of(
        System.getProperty("user.dir"), "target", "e2e", "BadOptions", jdk.toString(), name);
  }
}
