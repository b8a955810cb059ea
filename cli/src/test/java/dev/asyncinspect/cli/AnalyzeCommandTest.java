package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  @TempDir Path dir;

  private static String dump(String name) throws URISyntaxException {
    return Path.of(AnalyzeCommandTest.class.getResource("/dumps/" + name).toURI()).toString();
  }

  @Test
  void exampleDumpIsSummarizedAndItsStuckTasksAreFindings() throws Exception {
    String file = dump("example.jsonl");
    CommandRun run = CommandRun.of("analyze", file);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.err()).isEmpty();
    // The headline is wrapped to 80 columns, where depends on the length of the path.
    assertThat(run.out().replaceAll("\n    ", " "))
        .startsWith(
            "dump "
                + file
                + ": pid 4242, OpenJDK 64-Bit Server VM 17.0.15+6 (Debian), reason exit,"
                + " at 2026-11-21T10:00:01.500Z, complete\n");
    assertThat(run.out())
        .contains(
            "live tasks: 2\n",
            "  #1 UserService.loadProfile  BLOCKED 1.5s at UserService.java:28 join() on\n"
                + "      CompletableFuture@5e9f23b4 = future of #2 UserService.fetchUser\n",
            "finished tasks in the dump: none (2 tasks started since the agent started)\n"
                + "findings: 2 stuck tasks, no deadlock, no failed task\n"
                + "\n"
                + "STUCK  2 tasks\n",
            "  root cause: #2 UserService.fetchUser returned CompletableFuture@5e9f23b4\n"
                + "      incomplete, and no known task will complete it: no known producer\n");
  }

  @Test
  void failuresAndLocksOfTheRichDump() throws Exception {
    CommandRun run = CommandRun.of("analyze", dump("rich.jsonl"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.outLines())
        .contains(
            "findings: 1 stuck task, 1 deadlock, 1 failed task",
            "DEADLOCK  2 tasks, lock cycle, reported by the JVM too",
            "FAILED  #6 Billing.charge  after 500us",
            "  java.lang.IllegalStateException: card declined")
        .anySatisfy(line -> assertThat(line).contains("Object@3f2a1b  thread"));
  }

  @Test
  void truncatedDumpIsReportedWithAWarning() throws Exception {
    String file = dump("truncated.jsonl");
    CommandRun run = CommandRun.of("analyze", file);

    // Its two tasks are still waiting, as in the complete example: findings.
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).contains(", TRUNCATED\n");
    assertThat(run.outLines()).contains("live tasks: 2");
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: warning: "
                + file
                + ": the dump is truncated: line 9 is cut short and no end record follows;"
                + " read up to line 8");
  }

  @Test
  void gzipDump() throws Exception {
    Path gz = dir.resolve("app.aidump.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(Path.of(dump("example.jsonl"))));
    }
    CommandRun run = CommandRun.of("analyze", gz.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.outLines()).contains("live tasks: 2", "STUCK  2 tasks");
  }

  @Test
  void missingFileIsBadInputInOneLine() {
    Path missing = dir.resolve("missing.aidump.jsonl");
    CommandRun run = CommandRun.of("analyze", missing.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("async-inspect: cannot read " + missing + ": no such file");
  }

  @Test
  void directoryIsBadInputNamingIt() {
    CommandRun run = CommandRun.of("analyze", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("async-inspect: cannot read " + dir + ": ");
  }

  @Test
  void fileThatIsNotADumpIsBadInput() throws Exception {
    String file = dump("not-a-dump.txt");
    CommandRun run = CommandRun.of("analyze", file);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: "
                + file
                + ": not an async-inspect dump: its first line is not a JSON object");
  }

  @Test
  void unsupportedVersionIsBadInput() throws Exception {
    CommandRun run = CommandRun.of("analyze", dump("version-2.jsonl"));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("dump format version 2.0", "reads version 1.x");
  }

  @Test
  void brokenLineIsBadInputWithFileAndLine() throws IOException {
    Path broken =
        Files.writeString(
            dir.resolve("broken.jsonl"),
            "{\"type\":\"header\",\"format\":\"async-inspect-dump\",\"version\":\"1.0\"}\n");
    CommandRun run = CommandRun.of("analyze", broken.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly("async-inspect: " + broken + ":1: header.agentVersion: missing");
  }

  @Test
  void stacktraceOnRequestOnly() throws Exception {
    String file = dump("not-a-dump.txt");
    for (String[] args :
        new String[][] {{"analyze", "--stacktrace", file}, {"--stacktrace", "analyze", file}}) {
      CommandRun run = CommandRun.of(args);
      assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(run.errLines().get(0)).startsWith("async-inspect: " + file + ": not an");
      assertThat(run.err())
          .contains("dev.asyncinspect.analyzer.dump.DumpFormatException")
          .contains("\tat dev.asyncinspect.analyzer.dump.DumpReader");
    }
  }
}
