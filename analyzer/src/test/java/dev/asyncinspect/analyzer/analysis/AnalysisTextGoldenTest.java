package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text of the stuck-task, deadlock and failure sections, for real dumps of the test programs
 * (frozen copies under {@code dumps/agent}) and the hand-written ones, against golden files.
 */
class AnalysisTextGoldenTest {

  private static Dump read(String name) throws IOException, URISyntaxException {
    return DumpReader.read(
        Path.of(AnalysisTextGoldenTest.class.getResource("/dumps/" + name).toURI()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "agent/stuck-future.jsonl",
        "agent/vt-deadlock.jsonl",
        "agent/failing-chain.jsonl",
        "agent/fan-out-pipeline.jsonl",
        "rich.jsonl",
        "example.jsonl"
      })
  void sections(String name) throws Exception {
    Dump dump = read(name);
    WaitForGraph graph = WaitForGraph.of(dump);
    List<String> lines = new ArrayList<>();
    for (StuckCriteria criteria :
        List.of(StuckCriteria.defaultsFor(dump), StuckCriteria.olderThan(0))) {
      lines.add("--- stuck, " + criteria.describe());
      StuckTasks stuck = StuckTasks.of(graph, criteria);
      lines.addAll(
          stuck.chains().isEmpty()
              ? List.of(StuckTasksText.none(stuck))
              : StuckTasksText.render(graph, stuck, false));
    }
    lines.add("--- deadlocks");
    lines.addAll(DeadlocksText.render(graph, Deadlocks.of(graph), false));
    lines.add("--- failures");
    lines.addAll(FailuresText.render(dump, Failures.of(dump), false));

    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    Golden.assertMatches(
        "analysis-" + Path.of(name).getFileName().toString().replace(".jsonl", ".txt"), lines);
  }
}
