package dev.asyncinspect.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncinspect.agent.AgentMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up benchmark's machinery works end to end on a small class path: every program runs
 * without an agent, with the empty one and with ours (which must print nothing: a traced class it
 * could not weave would fail the run), and the table has a row per program. Only that it runs; the
 * numbers are the benchmark's.
 */
class StartupCostSmokeTest {
  @TempDir Path dir;

  @Test
  void eachProgramRunsWithAndWithoutTheAgent() throws Exception {
    Path agent =
        Path.of(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(Files.isRegularFile(agent), "the agent jar is built (mvn package or verify)");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      StartupCost.main(
          new String[] {
            agent.toString(),
            "--runs",
            "1",
            "--classes",
            "300",
            "--traced",
            "3",
            "--work",
            dir.toString()
          });
    } finally {
      System.setOut(out);
    }
    String table = captured.toString(StandardCharsets.UTF_8);
    assertThat(table)
        .contains(
            "| no traced class |", "| traced main class |", "| 300 classes loaded, 3 traced |");
  }

  @Test
  void theSyntheticClassPathHasTheTracedClassesAsked() throws Exception {
    int traced = 0;
    for (int i = 0; i < 1_000; i++) {
      traced += SyntheticClassPath.traced(i, 1_000, 7) ? 1 : 0;
    }
    assertThat(traced).isEqualTo(7);
  }
}
