package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records and fields format 1.1 added, read from dumps the agent wrote. */
class DumpReaderFormat11Test {
  @TempDir Path dir;

  @Test
  void spawnedTasksExecutorsAndSpawnPoints() throws IOException {
    Dump dump = DumpReader.read(TestDumps.resource("agent/pool-starvation.jsonl"));

    assertThat(dump.warnings()).isEmpty();
    TaskInfo queued = dump.task(5).orElseThrow();
    assertThat(queued.kind()).isEqualTo(TaskKind.SPAWNED);
    assertThat(queued.spawnPoint()).isEqualTo(2);
    assertThat(queued.executor()).isEqualTo(1);
    assertThat(dump.task(1).orElseThrow().spawnPoint()).isNull();

    SpawnPointInfo point = dump.spawnPoint(2);
    assertThat(point.operation()).isEqualTo("ThreadPoolExecutor.submit");
    assertThat(point.location()).isEqualTo("PoolStarvation.java:46");
    assertThat(point.callee().name()).isEqualTo("submit");

    ObjectInfo pool = dump.object(1);
    assertThat(pool.kind()).isEqualTo(ObjectKind.EXECUTOR);
    assertThat(pool.executor())
        .isEqualTo(
            new ExecutorInfo(
                "THREAD_POOL", 2, 2, 2, null, 2, 2L, List.of(5L, 7L), List.of(2L, 3L)));
    assertThat(pool.executor().capacity()).isEqualTo(2);
    assertThat(dump.object(4).executor()).isNull();
    assertThat(dump.object(4).sources()).isEmpty();
  }

  @Test
  void spawnedTasksReadTheSameWhicheverPathTheyTake() throws IOException {
    List<String> fast = TestDumps.lines("agent/pool-starvation.jsonl");
    List<String> general = new ArrayList<>();
    for (String line : fast) {
      general.add(line.startsWith("{\"type\":\"task\"") ? line.replaceFirst(":", ": ") : line);
    }
    Dump viaFastPath = DumpReader.read(TestDumps.write(dir, "fast.jsonl", fast));
    Dump viaGeneralPath = DumpReader.read(TestDumps.write(dir, "general.jsonl", general));

    assertThat(viaFastPath.tasks()).hasSize(7).isEqualTo(viaGeneralPath.tasks());
    assertThat(viaFastPath.tasks()).filteredOn(t -> t.executor() != null).hasSize(4);
  }

  @Test
  void pinnedRecords() throws IOException {
    Dump dump = DumpReader.read(TestDumps.resource("agent/pinned-virtual-thread.jsonl"));

    assertThat(dump.warnings()).isEmpty();
    assertThat(dump.pinned()).hasSize(1);
    PinnedInfo pinned = dump.pinned().get(0);
    assertThat(pinned.thread()).isEqualTo(29);
    assertThat(pinned.task()).isEqualTo(1L);
    assertThat(pinned.point()).isNull();
    assertThat(pinned.duration()).isEqualTo(100067728L);
    assertThat(pinned.stack().get(0).method()).isEqualTo("postPinnedEvent");
  }

  @Test
  void derivedFuturesListTheirSources() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("agent/pool-starvation.jsonl"));
    lines.replaceAll(
        line ->
            line.startsWith("{\"type\":\"object\",\"id\":3,")
                ? line.replace("\"producer\":3", "\"sources\":[4,5]")
                : line);
    Dump dump = DumpReader.read(TestDumps.write(dir, "derived.jsonl", lines));

    assertThat(dump.object(3).producer()).isNull();
    assertThat(dump.object(3).sources()).containsExactly(4, 5);
  }
}
