package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spawn-point statistics of a real dump of the fan-out program (a frozen copy under {@code
 * dumps/agent}): three {@code supplyAsync} tasks handed off at one spawn point.
 */
class SpawnPointStatisticsTest {

  private static Dump fanOut() throws Exception {
    return DumpReader.read(
        Path.of(
            SpawnPointStatisticsTest.class
                .getResource("/dumps/agent/fan-out-pipeline.jsonl")
                .toURI()));
  }

  @Test
  void fromTheAgentsSpawnStats() throws Exception {
    Dump dump = fanOut();
    StatsInfo record = dump.spawnStats().get(0);

    SpawnPointStatistics point = Statistics.of(dump).spawnPoints().get(0);

    assertThat(point.source()).isEqualTo(StatsSource.AGENT);
    assertThat(point.point().location()).isEqualTo("FanOutPipeline.java:47");
    assertThat(point.method().task()).isEqualTo("FanOutPipeline.fetch");
    assertThat(point.tasks().count()).isEqualTo(3);
    assertThat(point.tasks().totalNanos()).isEqualTo(record.totalNanos());
    assertThat(point.runningNanos()).isEqualTo(record.runningNanos());
    assertThat(point.queuedNanos())
        .isEqualTo(record.totalNanos() - record.runningNanos())
        .isPositive();
    assertThat(point.live()).isZero();
  }

  @Test
  void fromTheFinishedTasksWhenTheDumpLacksSpawnStats() throws Exception {
    Dump full = fanOut();
    Dump dump = withoutSpawnStats(full);
    List<TaskInfo> spawned =
        full.tasks().stream().filter(t -> t.kind() == TaskKind.SPAWNED).toList();
    long total = spawned.stream().mapToLong(t -> t.end() - t.start()).sum();
    long running = spawned.stream().mapToLong(TaskInfo::runningNanos).sum();

    SpawnPointStatistics point = Statistics.of(dump).spawnPoints().get(0);

    assertThat(point.source()).isEqualTo(StatsSource.DUMP);
    assertThat(point.tasks().count()).isEqualTo(spawned.size());
    assertThat(point.tasks().totalNanos()).isEqualTo(total);
    assertThat(point.runningNanos()).isEqualTo(running);
    assertThat(point.queuedNanos()).isEqualTo(total - running);
  }

  @Test
  void textAndJson() throws Exception {
    Statistics statistics = Statistics.of(fanOut());

    List<String> text = StatisticsText.render(statistics, false);
    int heading = text.indexOf("spawn points: 1, by total time of their finished tasks");
    assertThat(heading).isPositive();
    assertThat(text.get(heading + 1))
        .isEqualTo(
            "SPAWN POINT                   TASKS FAIL   P50   P95   P99   MAX QUE% RUN% BLK%");
    // The operation fills its column, so the numbers go on the next line.
    assertThat(text.get(heading + 2)).isEqualTo("CompletableFuture.supplyAsync");
    assertThat(text.get(heading + 3)).startsWith(" ".repeat(29) + "     3    0");
    assertThat(text.get(heading + 4))
        .isEqualTo("     at FanOutPipeline.java:47 in FanOutPipeline.fetch");
    assertThat(text).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));

    @SuppressWarnings("unchecked")
    Map<String, Object> json =
        ((List<Map<String, Object>>) StatisticsJson.view(statistics).get("spawnPoints")).get(0);
    assertThat(json)
        .containsEntry("spawnPoint", 1)
        .containsEntry("operation", "CompletableFuture.supplyAsync")
        .containsEntry("file", "FanOutPipeline.java")
        .containsEntry("line", 47)
        .containsEntry("count", 3L)
        .containsEntry("source", "AGENT");
  }

  private static Dump withoutSpawnStats(Dump d) {
    return new Dump(
        d.source(),
        d.header(),
        d.methods(),
        d.awaitPoints(),
        d.threads(),
        d.tasks(),
        d.objects(),
        d.jvmDeadlocks(),
        d.methodStats(),
        d.pointStats(),
        d.events(),
        d.end(),
        d.warnings(),
        d.spawnPoints(),
        d.pinned(),
        List.of());
  }
}
