package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@code analyze}'s options select sections, set the threshold and decide the exit code. */
class AnalyzeOptionsTest {
  private static final String STUCK = "src/test/resources/dumps/agent/stuck-future.jsonl";
  private static final String DEADLOCK = "src/test/resources/dumps/agent/vt-deadlock.jsonl";
  private static final String FAILING = "src/test/resources/dumps/agent/failing-chain.jsonl";
  private static final String RICH = "src/test/resources/dumps/rich.jsonl";

  @Test
  void showStuckTakesAThresholdOnlyWhenOneFollows() {
    for (String[] args :
        new String[][] {
          {"analyze", "--show-stuck", STUCK},
          {"analyze", STUCK, "--show-stuck"},
          {"analyze", "--show-stuck", "0ms", STUCK},
          {"analyze", "--show-stuck=0", STUCK},
          {"analyze", "--show-stuck", "--show-deadlocks", STUCK}
        }) {
      CommandRun run = CommandRun.of(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(1);
      assertThat(run.outLines()).contains("STUCK  2 tasks");
      assertThat(run.out()).doesNotContain("call graph");
    }
  }

  @Test
  void aHighThresholdFindsNothingAndSaysHowLongTheLongestWaited() {
    CommandRun run = CommandRun.of("analyze", "--show-stuck=1h", STUCK);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines())
        .endsWith(
            "findings: no stuck task",
            "",
            "no stuck task (none in the same state for 1h00m or more; the longest in its",
            "    state is 14ms: --show-stuck=0ms shows every live task)");
  }

  @Test
  void theExitCodeCountsOnlyTheSectionsShown() {
    assertThat(CommandRun.of("analyze", "--show-deadlocks", STUCK).exitCode()).isZero();
    assertThat(CommandRun.of("analyze", "--show-stats", FAILING).exitCode()).isZero();
    assertThat(CommandRun.of("analyze", "--show-call-graph", DEADLOCK).exitCode()).isZero();
    assertThat(CommandRun.of("analyze", "--show-failures", FAILING).exitCode()).isEqualTo(1);
    assertThat(CommandRun.of("analyze", "--show-deadlocks", DEADLOCK).exitCode()).isEqualTo(1);
  }

  @Test
  void selectedSectionsComeAfterTheHeadlineAndTheFindings() {
    CommandRun run = CommandRun.of("analyze", "--show-deadlocks", "--show-failures", DEADLOCK);
    assertThat(run.outLines().get(0)).startsWith("dump " + DEADLOCK);
    assertThat(run.out())
        .contains("findings: 1 deadlock, no failed task\n\nDEADLOCK  2 tasks")
        .endsWith("\n\nno failed task\n")
        .doesNotContain("live tasks");
  }

  @Test
  void badThresholdAndFormatAreUsageErrors() {
    CommandRun threshold = CommandRun.of("analyze", "--show-stuck=5 seconds", STUCK);
    assertThat(threshold.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(threshold.errLines())
        .singleElement()
        .asString()
        .startsWith("async-inspect: --show-stuck: invalid duration '5 seconds': expected");

    CommandRun format = CommandRun.of("analyze", "--format", "xml", STUCK);
    assertThat(format.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(format.errLines()).singleElement().asString().contains("expected text or json");
    assertThat(format.out()).isEmpty();
  }

  @Test
  void jsonHasTheFindingsOfTheSectionsShown() {
    CommandRun run = CommandRun.of("analyze", "--format=JSON", "--show-deadlocks", RICH);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("{\n  \"format\" : \"async-inspect-analysis\",\n  \"version\" : \"1.0\",")
        .contains("\"sections\" : [ \"deadlocks\" ]")
        .contains("\"findings\" : {\n    \"deadlocks\" : 1,\n    \"total\" : 1\n  }")
        .doesNotContain("\"stuck\"", "\"failures\"", "\"callGraph\"");
  }

  @Test
  void helpListsTheSectionsAndTheExitCodes() {
    CommandRun run = CommandRun.of("analyze", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--show-stuck[=THRESHOLD]",
            "--show-deadlocks",
            "--show-failures",
            "--show-call-graph",
            "--show-stats",
            "--format=FORMAT",
            "--no-color",
            "1   stuck tasks, deadlocks or failed tasks found",
            "4   internal error");
  }
}
