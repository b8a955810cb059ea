package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors of {@code monitor} before it takes the terminal: one line each, exit code 2. */
class MonitorCommandTest {
  @TempDir Path controlDir;

  @BeforeEach
  void isolateControlDir() {
    System.setProperty("asyncinspect.controlDir", controlDir.toString());
  }

  @AfterEach
  void restore() {
    System.clearProperty("asyncinspect.controlDir");
  }

  @Test
  void noSuchProcess() {
    CommandRun run = CommandRun.of("monitor", "999999999");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).containsExactly("async-inspect: no process 999999999");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aJvmWithoutTheAgentGetsAdvice() {
    long self = ProcessHandle.current().pid();
    CommandRun run = CommandRun.of("monitor", Long.toString(self));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: JVM "
                + self
                + " has no async-inspect control channel: start it with"
                + " -javaagent:async-inspect-agent.jar, or run 'async-inspect dump "
                + self
                + "' first (it loads the agent)");
  }

  @Test
  void aSocketNobodyAnswersIsOneLineToo() throws Exception {
    long self = ProcessHandle.current().pid();
    Files.createFile(controlDir.resolve(self + ".sock")); // a plain file: connecting fails
    CommandRun run = CommandRun.of("monitor", Long.toString(self));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("async-inspect: no answer from JVM " + self + " on ");
  }

  @Test
  void badInterval() {
    CommandRun run = CommandRun.of("monitor", "--interval=soon", "1");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: --interval: invalid duration 'soon': expected a number and a unit"
                + " (ns, us, ms, s, m, h, d), like 500ms, 5s or 2m (see 'async-inspect monitor"
                + " --help')");
  }

  @Test
  void helpNamesTheIntervalAndTheKeys() {
    CommandRun run = CommandRun.of("monitor", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: async-inspect monitor", "--interval=DURATION", "PID", "--replay=DUMP");
    assertThat(CommandRun.of("--help").out()).contains("monitor");
  }

  @Test
  void replayOfAMissingFile() {
    CommandRun run =
        CommandRun.of("monitor", "--replay", controlDir.resolve("gone.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: cannot read " + controlDir.resolve("gone.jsonl") + ": no such file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void replayOfAFileThatIsNotADump() throws Exception {
    Path notes = Files.writeString(controlDir.resolve("notes.txt"), "shopping list\n");
    CommandRun run = CommandRun.of("monitor", "--replay", notes.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("async-inspect: " + notes + ": not an async-inspect dump");
  }

  @Test
  void replayOfADirectoryIsOneLine() {
    CommandRun run = CommandRun.of("monitor", "--replay", controlDir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("async-inspect: cannot read " + controlDir);
  }

  @Test
  void replayOfADumpWithoutEvents() {
    Path snapshot = MonitorDumps.read(controlDir, ReplayDumps.withoutEvents()).source();
    CommandRun run = CommandRun.of("monitor", "--replay", snapshot.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: "
                + snapshot
                + ": nothing to replay: the dump has no event history (a SNAPSHOT has none, and"
                + " neither has a dump of an agent run with maxEvents=0)");
  }

  @Test
  void replayOfADumpNeedsATerminalOnlyOnceTheDumpIsRead() {
    Path dump = MonitorDumps.read(controlDir, ReplayDumps.HISTORY).source();
    CommandRun run = CommandRun.of("monitor", "--replay", dump.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: monitor needs a terminal (standard input and output are not one)"
                + " (see 'async-inspect monitor --help')");
  }

  @Test
  void replayAndAPidAreAUsageError() {
    CommandRun run = CommandRun.of("monitor", "--replay", "app.aidump.jsonl", "4242");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: give either a PID or --replay DUMP, not both (see 'async-inspect"
                + " monitor --help')");
  }

  @Test
  void neitherAPidNorAReplayIsAUsageError() {
    CommandRun run = CommandRun.of("monitor");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: give the PID of a JVM to watch, or --replay DUMP (see 'async-inspect"
                + " monitor --help')");
  }
}
