package dev.asyncinspect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's machinery works end to end on a tiny dump: a forked JVM with a heap limit on one
 * CPU analyzes it and reports times and heap. Only that it runs; the numbers are the benchmark's.
 */
class BenchmarkSmokeTest {
  @TempDir Path dir;

  @Test
  void aForkedRunReportsEachIterationAndTheRetainedHeap() throws Exception {
    Path dump = dir.resolve("tiny.aidump.jsonl");
    SyntheticDump.write(dump, 10_000, 1_000);

    ForkedRun.Output output = ForkedRun.run(dump, 2, "128m", true);

    assertThat(output.failure()).isNull();
    assertThat(output.iterations()).hasSize(2);
    assertThat(output.iterations().get(0))
        .containsEntry("events", 10_000L)
        .containsEntry("tasks", 1_000L)
        .containsKeys("totalNanos", "readNanos", "callGraphNanos", "poolPeakBytes");
    assertThat(output.retained().get("retainedBytes")).isPositive();
    BenchReport.print(java.util.List.of(output), BenchOptions.parse("--dump", dump.toString()));
  }

  @Test
  void fullAnalysisInProcess() throws Exception {
    Path dump = dir.resolve("tiny.aidump.jsonl");
    SyntheticDump.write(dump, 4_000, 500);
    FullAnalysis.Result result = FullAnalysis.run(dump);
    assertThat(result.dump().events()).hasSize(4_000);
    assertThat(result.reportLines()).isPositive();
  }
}
