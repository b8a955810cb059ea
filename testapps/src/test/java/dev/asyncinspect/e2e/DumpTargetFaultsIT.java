package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.testapps.FanOutPipeline;
import dev.asyncinspect.testapps.Saturation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dump target that cannot take the dump: the program runs on exactly as without the agent, the
 * agent says why in one line, and nothing partial is left behind. (The tests run as any user, root
 * included, so they use faults that permissions cannot bypass.)
 */
class DumpTargetFaultsIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  /**
   * A write limit of 4 KiB: the dump (several KiB) fails with "File too large", as on a full disk.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void fullDiskIsOneLineAndTheProgramRunsOn(Jdk jdk) throws IOException {
    Path dir = workDir(jdk, "full");
    ForkedProgram limited = new ForkedProgram(jdk, FanOutPipeline.class).afterShell("ulimit -f 4");
    ProgramRun plain = limited.runWithoutAgent(dir.resolve("plain"));
    ProgramRun run = limited.runWithAgent(dir.resolve("agent"));

    assertThat(plain.exitCode()).as(plain.describe()).isZero();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(plain.exitCode());
    assertThat(run.stdout()).as(run.describe()).isEqualTo(plain.stdout());
    assertThat(agentLines(run))
        .as(run.describe())
        .containsExactly(
            "[async-inspect] could not write dump to " + run.dump() + ": File too large");
    assertThat(run.dump()).doesNotExist();
    assertThat(filesIn(run.dump().getParent()))
        .containsExactlyInAnyOrder("stdout.txt", "stderr.txt");
  }

  /**
   * The dump's folder is a file. Dumps every 100 ms fail for the same reason, many times while the
   * program runs: it is said once.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void folderThatIsAFileIsSaidOnceAndTheProgramRunsOn(Jdk jdk) throws IOException {
    ProgramRun plain = AgentRuns.of(Saturation.class, jdk, SaturationIT.OPTIONS).withoutAgent();
    Path dir = workDir(jdk, "not-a-folder");
    Files.createDirectories(dir);
    Path file = dir.resolve("a-file");
    Files.writeString(file, "not a folder\n");
    Path target = file.resolve("x.aidump.jsonl");
    ProgramRun run =
        new ForkedProgram(jdk, Saturation.class)
            .runWithAgentOptions(dir.resolve("agent"), "dump=" + target + ",dumpInterval=100ms");

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(plain.exitCode());
    assertThat(run.stdout()).as(run.describe()).isEqualTo(plain.stdout());
    assertThat(agentLines(run))
        .as(run.describe())
        .containsExactly(
            "[async-inspect] dump folder " + file + " is not a folder; dumps will fail until it is",
            "[async-inspect] could not write dump to " + target + ": " + file + " is not a folder");
    assertThat(Files.readString(file)).isEqualTo("not a folder\n");
  }

  private static List<String> agentLines(ProgramRun run) {
    return run.stderr().lines().filter(l -> l.contains("[async-inspect]")).toList();
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  private static Path workDir(Jdk jdk, String name) {
    return Path.of(
        System.getProperty("user.dir"), "target", "e2e", "DumpTargetFaults", jdk.toString(), name);
  }
}
