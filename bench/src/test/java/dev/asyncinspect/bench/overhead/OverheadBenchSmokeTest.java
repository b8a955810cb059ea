package dev.asyncinspect.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.bench.overhead.OverheadBench.Round;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The micro benchmarks' harness works end to end with tiny iteration counts, on one case: JMH forks
 * a JVM without and one with the agent, the agent really traces the benchmark's calls there (its
 * exit dump has them), the gc profiler reports bytes, and the report judges the budgets. Only that
 * it runs; the figures are the benchmark's.
 */
class OverheadBenchSmokeTest {
  @TempDir Path dir;

  @Test
  void bothConfigurationsRunAndTheAgentTracesTheBenchmarkedCalls() throws Exception {
    Path dump = dir.resolve("on.aidump.jsonl");
    OverheadBench.Settings settings =
        OverheadBench.Settings.parse(
            "--agent",
            System.getProperty("asyncinspect.agentJar"),
            "--agent-options",
            "dump=" + dump,
            "--rounds",
            "1",
            "--warmup",
            "0",
            "--iterations",
            "1",
            "--time",
            "50",
            "--cases",
            "syncCall",
            "--quiet");

    List<Round> rounds = OverheadBench.run(settings);

    assertThat(rounds).hasSize(1);
    assertThat(rounds.get(0).off()).containsOnlyKeys("syncCall");
    assertThat(rounds.get(0).on()).containsOnlyKeys("syncCall");
    assertThat(rounds.get(0).on().get("syncCall").nanos()).isPositive();
    assertThat(rounds.get(0).on().get("syncCall").bytes()).isNotNaN();
    String written = Files.readString(dump);
    assertThat(written).contains("\"name\":\"TracedCalls.sync\"").doesNotContain("PlainCalls");
    assertThat(written).contains("\"internalErrors\":0");

    ByteArrayOutputStream report = new ByteArrayOutputStream();
    OverheadReport.print(rounds, new PrintStream(report, true, StandardCharsets.UTF_8));
    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains(
            "| syncCall |", "| traced call, syncCall: ns |", "| traced call, syncCall: bytes |")
        .containsPattern("(PASS|MISS) \\|");
  }
}
