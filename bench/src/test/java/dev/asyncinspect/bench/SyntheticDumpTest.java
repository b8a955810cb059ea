package dev.asyncinspect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.analysis.AsyncUse;
import dev.asyncinspect.analyzer.analysis.CallGraph;
import dev.asyncinspect.analyzer.analysis.MethodNode;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small synthetic dump is valid, complete, consistent, and exactly as large as asked. */
class SyntheticDumpTest {
  @TempDir static Path dir;
  static Dump dump;

  @BeforeAll
  static void write() throws Exception {
    Path file = dir.resolve("small.aidump.jsonl");
    SyntheticDump.write(file, 20_000, 2_000);
    dump = DumpReader.read(file);
  }

  @Test
  void readsWithoutWarningsAndHasTheSizeAskedFor() {
    assertThat(dump.warnings()).isEmpty(); // also: the end record's counts agree
    assertThat(dump.complete()).isTrue();
    assertThat(dump.events()).hasSize(20_000);
    assertThat(dump.tasks()).hasSize(2_000);
    assertThat(dump.methods()).hasSize(Workload.METHODS);
    assertThat(dump.awaitPoints()).hasSize(Workload.METHODS * Workload.POINTS_PER_METHOD);
  }

  @Test
  void eventsAreInSeqAndTimeOrderAndMatchTheirTasks() {
    Map<Long, Integer> perTask = new HashMap<>();
    Map<Long, TaskState> lastState = new HashMap<>();
    long seq = 0;
    long time = Long.MIN_VALUE;
    for (EventInfo event : dump.events()) {
      assertThat(event.seq()).isEqualTo(seq++);
      assertThat(event.t()).isGreaterThanOrEqualTo(time);
      time = event.t();
      perTask.merge(event.task(), 1, Integer::sum);
      lastState.put(event.task(), event.state());
      assertThat(event.point() != null).isEqualTo(event.state() == TaskState.BLOCKED);
    }
    for (TaskInfo task : dump.tasks()) {
      assertThat(perTask.get(task.id()))
          .as("events of task %d", task.id())
          .isEqualTo(task.transitions());
      assertThat(lastState.get(task.id())).isEqualTo(task.state());
      assertThat(task.runningNanos() + task.blockedNanos() + task.suspendedNanos())
          .isLessThanOrEqualTo(dump.header().dumpNanos() - task.start());
    }
  }

  @Test
  void hasLiveTasksWaitingOnFuturesAndLocks() {
    assertThat(dump.tasks()).anySatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUSPENDED));
    assertThat(dump.tasks())
        .filteredOn(t -> t.state() == TaskState.BLOCKED && t.await().object() != null)
        .isNotEmpty();
    assertThat(dump.tasks()).anySatisfy(t -> assertThat(t.holds()).isNotEmpty());
    assertThat(dump.tasks()).anySatisfy(t -> assertThat(t.error()).isNotNull());
    assertThat(dump.objects()).isNotEmpty();
    assertThat(dump.threads()).isNotEmpty();
  }

  @Test
  void theAnalysesFindWhatTheWorkloadPlanted() throws Exception {
    CallGraph graph = CallGraph.of(dump);
    assertThat(graph.nodes())
        .filteredOn(node -> node.asyncUse() == AsyncUse.COULD_BE_SYNCHRONOUS)
        .extracting(MethodNode::id)
        .isNotEmpty()
        .allSatisfy(id -> assertThat(Workload.neverSuspends(id)).isTrue());
    assertThat(graph.nodes())
        .anySatisfy(n -> assertThat(n.asyncUse()).isEqualTo(AsyncUse.ASYNC_WHERE_NEEDED));
    assertThat(graph.edges()).isNotEmpty();
  }
}
