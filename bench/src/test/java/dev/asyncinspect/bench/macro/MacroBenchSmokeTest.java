package dev.asyncinspect.bench.macro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.bench.macro.MacroBench.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macro benchmark's machinery works end to end in a second or two of load: the service starts
 * in its own JVM without and with the agent, answers the load generator on loopback, reports its
 * allocation and CPU, and the report computes the ratios. (The OpenTelemetry agent is fetched only
 * by the benchmark script, so it is not part of this run.)
 */
class MacroBenchSmokeTest {
  @TempDir Path dir;

  @Test
  void theServiceAnswersLoadWithoutAnAgentWithTheEmptyOneAndWithTheAgent() throws Exception {
    MacroBench.Settings settings = quickSettings("--empty-agent");

    List<Run> runs = MacroBench.run(settings);

    assertThat(runs).extracting(Run::mode).containsExactly("none", "empty-agent", "async-inspect");
    for (Run run : runs) {
      assertThat(run.throughput()).isPositive();
      assertThat(run.p99Nanos()).isGreaterThanOrEqualTo(run.p50Nanos()).isPositive();
      assertThat(run.allocatedBytesPerRequest()).isPositive();
      assertThat(run.startupMillis()).isPositive();
    }
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    MacroReport.print(runs, "none", new PrintStream(report, true, StandardCharsets.UTF_8));
    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains(
            "| throughput (req/s) |",
            "platform: throughput lost with async-inspect",
            "platform: the empty agent changes CPU per request by",
            "async-inspect against the empty agent");
  }

  @Test
  void theAgentsShareOfTheServicesSamplesIsTakenFromARecordingOfTheMeasuredPhase()
      throws Exception {
    List<MacroBench.Share> shares = MacroBench.cpuShares(quickSettings("--empty-agent"));

    assertThat(shares).extracting(MacroBench.Share::mode).containsExactly("async-inspect");
    CpuShare share = shares.get(0).share();
    assertThat(share.samples()).isPositive();
    assertThat(share.agentSamples()).isBetween(0L, share.samples());
    assertThat(dir.resolve("platform-async-inspect-samples.jfr")).isNotEmptyFile();
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    MacroReport.printShares(shares, new PrintStream(report, true, StandardCharsets.UTF_8));
    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains("| platform | async-inspect | " + share.samples() + " |");
  }

  private MacroBench.Settings quickSettings(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--agent",
                System.getProperty("asyncinspect.agentJar"),
                "--rounds",
                "1",
                "--warmup",
                "0.3",
                "--measure",
                "0.5",
                "--connections",
                "2",
                "--variants",
                "platform",
                "--log",
                dir.toString(),
                "--quiet"));
    args.addAll(List.of(more));
    return MacroBench.Settings.parse(args.toArray(String[]::new));
  }
}
