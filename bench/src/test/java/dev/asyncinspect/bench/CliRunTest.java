package dev.asyncinspect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The measurement of a command's own process: its exit code and the CPU it used. */
class CliRunTest {

  @Test
  void measuresTheCpuOfTheCommandAndItsChildren() throws Exception {
    // A busy loop in a child of the command, well over the 20 ms (two clock ticks) it must show.
    CliRun.Output output =
        CliRun.run(
            true,
            List.of("/bin/sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; exit 1"));

    assertThat(output.exitCode()).isEqualTo(1);
    assertThat(output.cpuNanos()).isGreaterThanOrEqualTo(20_000_000L);
    assertThat(output.wallNanos()).isPositive();
  }

  @Test
  void readsTheChildrensTimesFromTheSecondLineOfTimes() {
    assertThat(CliRun.childrenCpuNanos("0m0.010000s 0m0.000000s\n1m2.500000s 0m0.250000s\n"))
        .isEqualTo(62_750_000_000L);
    assertThat(CliRun.childrenCpuNanos("0m0.01s 0m0.00s\n0m1.840s 0m0.280s"))
        .isEqualTo(2_120_000_000L);
  }

  @Test
  void heapSizesAsXmxTakesThem() {
    assertThat(AnalyzerBenchmark.mebibytes("512m")).isEqualTo(512);
    assertThat(AnalyzerBenchmark.mebibytes("2g")).isEqualTo(2048);
    assertThat(AnalyzerBenchmark.mebibytes("2G")).isEqualTo(2048);
  }
}
