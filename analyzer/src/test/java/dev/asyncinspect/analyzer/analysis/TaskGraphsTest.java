package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskGraphsTest {

  /**
   * Tasks 1 and 2 join each other's future (a deadlock); task 3, a finished child of task 1, and
   * task 4, blocked on a lock held by nobody in the dump, are not on the cycle.
   */
  private static WaitForGraph cycle() {
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "CompletableFuture.join", AwaitKind.FUTURE)
            .point(2, "ReentrantLock.lock", AwaitKind.LOCK)
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 10)
            .returned(11)
            .done()
            .task(2, TaskState.BLOCKED, 5)
            .awaiting(1, 11)
            .returned(10)
            .done()
            .task(3, TaskState.COMPLETED, 7)
            .parent(1)
            .done()
            .task(4, TaskState.BLOCKED, 3)
            .awaiting(2, 20)
            .done()
            .future(10, 2L, false)
            .future(11, 1L, false)
            .lock(20)
            .build();
    return WaitForGraph.of(dump);
  }

  private static TaskGraph relations(WaitForGraph graph) {
    return TaskGraphs.relations(graph, Deadlocks.of(graph));
  }

  @Test
  void theRelationshipGraphHasEveryTaskParentEdgesAndTheWaitsWithTheCycleMarked() {
    TaskGraph graph = relations(cycle());

    assertThat(graph.nodes())
        .extracting(node -> node.id() + " " + node.label() + (node.deadlocked() ? " !" : ""))
        .containsExactly(
            "t1 [#1 Demo.m1, ASYNC, BLOCKED at Demo.java:101 join()] !",
            "t2 [#2 Demo.m2, ASYNC, BLOCKED at Demo.java:101 join()] !",
            "t3 [#3 Demo.m3, SYNC, COMPLETED]",
            "t4 [#4 Demo.m4, SYNC, BLOCKED at Demo.java:102 lock()]",
            "o10 [CompletableFuture@f10, FUTURE, not done] !",
            "o11 [CompletableFuture@f11, FUTURE, not done] !",
            "o20 [ReentrantLock@l20, LOCK]");
    assertThat(graph.edges())
        .extracting(
            e -> e.from() + " -> " + e.to() + " " + e.label() + (e.deadlocked() ? " !" : ""))
        .containsExactly(
            "t1 -> t3 started",
            "t1 -> o10 waits at Demo.java:101 join() !",
            "t2 -> o11 waits at Demo.java:101 join() !",
            "t4 -> o20 waits at Demo.java:102 lock()",
            "o10 -> t2 completed by !",
            "o11 -> t1 completed by !");
  }

  @Test
  void theWaitForGraphHasOnlyTheWaits() {
    WaitForGraph waits = cycle();
    TaskGraph graph = TaskGraphs.waitFor(waits, Deadlocks.of(waits));

    assertThat(graph.nodes())
        .extracting(TaskGraph.Node::id)
        .containsExactly("t1", "t2", "t4", "o10", "o11", "o20");
    assertThat(graph.edges()).noneMatch(edge -> edge.kind() == TaskGraph.EdgeKind.STARTED);
  }

  @Test
  void dotDrawsTheCycleInBoldRed() {
    List<String> dot = TaskGraphDot.render(relations(cycle()));

    assertThat(dot)
        .contains(
            "digraph \"async-inspect relationship graph\" {",
            "  \"t1\" [label=\"#1 Demo.m1\\nASYNC, BLOCKED at Demo.java:101 join()\", shape=box,"
                + " style=rounded, color=red, fontcolor=red, penwidth=2];",
            "  \"t3\" [label=\"#3 Demo.m3\\nSYNC, COMPLETED\", shape=box, style=rounded];",
            "  \"o10\" [label=\"CompletableFuture@f10\\nFUTURE, not done\", shape=ellipse,"
                + " color=red, fontcolor=red, penwidth=2];",
            "  \"t1\" -> \"t3\" [label=\"started\", color=gray40, fontcolor=gray40];",
            "  \"t1\" -> \"o10\" [label=\"waits at Demo.java:101 join()\", style=dashed,"
                + " color=red, fontcolor=red, penwidth=2];",
            "  \"t4\" -> \"o20\" [label=\"waits at Demo.java:102 lock()\", style=dashed];",
            "  \"o10\" -> \"t2\" [label=\"completed by\", color=red, fontcolor=red, penwidth=2];");
    GraphSyntax.Dot parsed = GraphSyntax.Dot.parse(dot);
    assertThat(parsed.edges())
        .allSatisfy(e -> assertThat(parsed.nodes()).containsKeys(e.get(0), e.get(1)));
  }

  @Test
  void mermaidMarksTheCycleByClassAndLinkStyle() {
    List<String> mermaid = TaskGraphMermaid.render(relations(cycle()));

    assertThat(mermaid)
        .contains(
            "  t1(\"#35;1 Demo.m1<br/>ASYNC, BLOCKED at Demo.java:101 join()\")",
            "  o10([\"CompletableFuture@f10<br/>FUTURE, not done\"])",
            "  t1 -->|\"started\"| t3",
            "  t1 -.->|\"waits at Demo.java:101 join()\"| o10",
            "  class t1,t2,o10,o11 deadlock",
            "  linkStyle 1,2,4,5 stroke:#c00,stroke-width:3px");
    GraphSyntax.Mermaid parsed = GraphSyntax.Mermaid.parse(mermaid);
    assertThat(parsed.edges())
        .allSatisfy(e -> assertThat(parsed.nodes()).containsKeys(e.get(0), e.get(1)));
  }

  @Test
  void labelsAreEscapedForEachSyntax() {
    String odd = "demo.Odd\"Name|#1<b>\\";
    Dump dump =
        new WaitDumpBuilder()
            .point(1, "Latch.await", AwaitKind.LATCH)
            .task(1, TaskState.BLOCKED, 5)
            .awaiting(1, 7)
            .done()
            .object(
                new ObjectInfo(
                    7,
                    ObjectKind.LATCH,
                    odd,
                    "e1",
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    List.of(1L)))
            .build();
    WaitForGraph waits = WaitForGraph.of(dump);
    TaskGraph graph = TaskGraphs.waitFor(waits, Deadlocks.of(waits));

    List<String> dot = TaskGraphDot.render(graph);
    assertThat(dot)
        .contains("  \"o7\" [label=\"Odd\\\"Name|#1<b>\\\\@e1\\nLATCH\", shape=ellipse];");
    assertThat(GraphSyntax.Dot.parse(dot).nodes())
        .containsEntry("o7", "Odd\"Name|#1<b>\\@e1\nLATCH");
    List<String> mermaid = TaskGraphMermaid.render(graph);
    assertThat(mermaid).contains("  o7([\"Odd#quot;Name#124;#35;1#lt;b#gt;\\@e1<br/>LATCH\"])");
    GraphSyntax.Mermaid.parse(mermaid);
  }
}
