package dev.asyncinspect.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.bench.overhead.OverheadBench.Round;
import dev.asyncinspect.bench.overhead.OverheadBench.Sample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's figures from given rounds, and which cases the empty agent runs. */
class OverheadReportTest {
  private static final String FAN_OUT = "virtualThreadFanOutFromVirtual";

  @Test
  void theEmptyAgentsTableSetsEachConfigurationAgainstTheOtherByTheMedians() {
    List<Round> rounds =
        List.of(
            round(1000, 1200, 2000),
            round(1100, 1250, 2500), // the medians: 1000, 1200, 2000 over 3 rounds
            round(900, 1150, 1900));

    String report = print(rounds);

    // throughput empty / none = 1000 / 1200; agent / empty = 1200 / 2000
    assertThat(report)
        .contains("| " + FAN_OUT + " | 1000.0 | 1200.0 | 2000.0 | 0.83 | 0.60 |")
        .contains("| virtual-thread fan-out from a virtual thread: throughput ratio | 0.50 |");
  }

  @Test
  void withoutTheEmptyAgentsRunsThereIsNoSuchTable() {
    Map<String, Sample> off = Map.of(FAN_OUT, new Sample(1000, 1, 400));
    Map<String, Sample> on = Map.of(FAN_OUT, new Sample(2000, 1, 650));

    assertThat(print(List.of(new Round(off, on, Map.of())))).doesNotContain("empty agent");
  }

  @Test
  void theEmptyAgentRunsOnlyTheVirtualThreadCasesThatWereAskedFor() {
    String vt = OverheadBench.EMPTY_AGENT_CASES;

    assertThat(OverheadBench.anyCase(".*", vt)).isTrue();
    assertThat(OverheadBench.anyCase("syncCall|virtualThreadFanOut", vt)).isTrue();
    assertThat(OverheadBench.anyCase("syncCall|completedFuture", vt)).isFalse();
    assertThat(OverheadBench.anyCase("virtualThread", vt)).isFalse(); // a prefix is not a name
  }

  private static Round round(double off, double empty, double on) {
    return new Round(
        Map.of(FAN_OUT, new Sample(off, 1, 400)),
        Map.of(FAN_OUT, new Sample(on, 1, 650)),
        Map.of(FAN_OUT, new Sample(empty, 1, 400)));
  }

  private static String print(List<Round> rounds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OverheadReport.print(rounds, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
