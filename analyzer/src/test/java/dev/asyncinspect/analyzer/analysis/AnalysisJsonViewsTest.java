package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shapes of the stuck-task, deadlock and failure JSON views documented in docs/cli.md. */
@SuppressWarnings("unchecked")
class AnalysisJsonViewsTest {

  private static Dump read(String name) throws Exception {
    return DumpReader.read(
        Path.of(AnalysisJsonViewsTest.class.getResource("/dumps/" + name).toURI()));
  }

  @Test
  void stuckChainOfTheStuckFuture() throws Exception {
    Dump dump = read("agent/stuck-future.jsonl");
    WaitForGraph graph = WaitForGraph.of(dump);
    Map<String, Object> view =
        StuckTasksJson.view(graph, StuckTasks.of(graph, StuckCriteria.defaultsFor(dump)));

    assertThat(view.keySet())
        .containsExactly("criteria", "stuckTasks", "deadlockedTasks", "chains");
    assertThat((Map<String, Object>) view.get("criteria"))
        .containsEntry("thresholdNanos", StuckCriteria.DEFAULT_THRESHOLD_NANOS)
        .containsEntry("waitingAtExit", true);
    Map<String, Object> chain = ((List<Map<String, Object>>) view.get("chains")).get(0);
    assertThat(chain.keySet()).containsExactly("stuckTasks", "links", "end");
    assertThat(chain.get("stuckTasks")).isEqualTo(List.of(1L, 2L));
    List<Map<String, Object>> links = (List<Map<String, Object>>) chain.get("links");
    assertThat(links).hasSize(2);
    assertThat(links.get(0).keySet()).containsExactly("task", "at", "on", "releasedBy");
    assertThat((Map<String, Object>) links.get(0).get("at"))
        .containsEntry("operation", "CompletableFuture.join")
        .containsEntry("file", "StuckFuture.java")
        .containsEntry("line", 37);
    assertThat((Map<String, Object>) links.get(0).get("releasedBy"))
        .containsExactly(Map.entry("relation", "COMPLETED_BY"), Map.entry("task", 2L));
    assertThat(links.get(1).keySet()).containsExactly("task", "returned");
    assertThat((Map<String, Object>) chain.get("end"))
        .containsEntry("kind", "NO_KNOWN_PRODUCER")
        .containsEntry("task", 2L)
        .hasEntrySatisfying(
            "rootCause", cause -> assertThat((String) cause).endsWith("no known producer"));
  }

  @Test
  void deadlockOfVirtualThreads() throws Exception {
    Dump dump = read("agent/vt-deadlock.jsonl");
    WaitForGraph graph = WaitForGraph.of(dump);
    List<Object> view = DeadlocksJson.view(graph, Deadlocks.of(graph));

    assertThat(view).hasSize(1);
    Map<String, Object> deadlock = (Map<String, Object>) view.get(0);
    assertThat(deadlock.keySet())
        .containsExactly("kind", "tasks", "jvmReported", "virtualThreads", "links");
    assertThat(deadlock)
        .containsEntry("kind", "LOCK")
        .containsEntry("tasks", List.of(1L, 2L))
        .containsEntry("jvmReported", false)
        .containsEntry("virtualThreads", true);
    Map<String, Object> link = ((List<Map<String, Object>>) deadlock.get("links")).get(0);
    assertThat((Map<String, Object>) link.get("on"))
        .containsEntry("kind", "LOCK")
        .containsEntry("class", "java.util.concurrent.locks.ReentrantLock");
    assertThat((Map<String, Object>) link.get("releasedBy")).containsEntry("relation", "HELD_BY");
  }

  @Test
  void failuresWithTheirAsyncStacks() throws Exception {
    List<Object> view = FailuresJson.view(Failures.of(read("agent/failing-chain.jsonl")));

    assertThat(view).hasSize(3);
    Map<String, Object> origin = (Map<String, Object>) view.get(2);
    assertThat(origin.keySet())
        .containsExactly("task", "origin", "error", "asyncStack", "framesOmitted");
    assertThat(origin).containsEntry("origin", true).containsEntry("framesOmitted", 0);
    assertThat((Map<String, Object>) origin.get("error"))
        .containsEntry("class", "java.lang.IllegalStateException")
        .containsEntry("message", "out of stock: blue-widget");
    List<Map<String, Object>> stack = (List<Map<String, Object>>) origin.get("asyncStack");
    assertThat(stack).extracting(frame -> frame.get("task")).containsExactly(3L, 2L, 1L);
    assertThat(stack.get(2))
        .containsEntry("line", 28)
        .containsEntry("source", "EVENT_HISTORY")
        .containsKey("await");
    assertThat((Map<String, Object>) view.get(0)).containsEntry("failedChild", 2L);
  }

  @Test
  void colourOnlyWhenAsked() throws Exception {
    Dump dump = read("agent/vt-deadlock.jsonl");
    WaitForGraph graph = WaitForGraph.of(dump);
    List<Deadlock> deadlocks = Deadlocks.of(graph);
    assertThat(DeadlocksText.render(graph, deadlocks, true).get(0))
        .startsWith("\u001b[1;31mDEADLOCK\u001b[0m  2 tasks");
    assertThat(String.join("\n", DeadlocksText.render(graph, deadlocks, false)))
        .doesNotContain("\u001b");
  }
}
