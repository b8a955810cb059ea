package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallGraphRenderingTest {
  private final CallGraph shop = CallGraph.of(ShopDump.build());

  /** Method names with every character that DOT or Mermaid could read as syntax. */
  static CallGraph hostileNames() {
    DumpBuilder dump =
        new DumpBuilder(100)
            .method(1, "say \"hi\" \\n <b>#1</b> & `x` | y", TaskKind.SYNC)
            .method(2, "transfer(a->b)", TaskKind.ASYNC)
            .method(3, "line\nbreak", TaskKind.SYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 3);
    dump.task(1, 1).ran(0, 100);
    dump.task(2, 2).async().parent(1).ran(10, 20);
    dump.task(3, 3).parent(2).ran(12, 18);
    dump.task(4, 2).async().live(TaskState.SUSPENDED, 30, 40).future(1);
    dump.task(5, 1).live(TaskState.BLOCKED, 30, 50).awaiting(1, 1, 50);
    dump.future(1, 4L, 5);
    return CallGraph.of(dump.build());
  }

  @Test
  void textGolden() throws Exception {
    Golden.assertMatches("callgraph.txt", CallGraphText.render(shop, false));
  }

  @Test
  void dotGolden() throws Exception {
    Golden.assertMatches("callgraph.dot", CallGraphDot.render(shop));
  }

  @Test
  void mermaidGolden() throws Exception {
    Golden.assertMatches("callgraph.mmd", CallGraphMermaid.render(shop));
  }

  @Test
  void colourOnlyAddsAnsiCodes() {
    List<String> coloured = CallGraphText.render(shop, true);
    assertThat(String.join("\n", coloured)).contains("\u001b[1;31mBOTTLENECK\u001b[0m");
    assertThat(coloured.stream().map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")))
        .containsExactlyElementsOf(CallGraphText.render(shop, false));
  }

  @Test
  void textFitsEightyColumns() {
    assertThat(CallGraphText.render(shop, true))
        .allSatisfy(line -> assertThat(LineFit.visibleLength(line)).isLessThanOrEqualTo(80));
  }

  @Test
  void textMarksRecursionAndRepeatsWithoutExpandingThemAgain() {
    DumpBuilder dump =
        new DumpBuilder(100)
            .method(1, "Tree.walk", TaskKind.SYNC)
            .method(2, "Leaf.visit", TaskKind.SYNC)
            .method(3, "Other.root", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 100);
    dump.task(2, 1).parent(1).ran(10, 50);
    dump.task(3, 2).parent(2).ran(20, 30);
    dump.task(4, 3).ran(0, 10);
    dump.task(5, 2).parent(4).ran(1, 2);
    List<String> lines = CallGraphText.render(CallGraph.of(dump.build()), false);

    assertThat(lines).hasSize(6);
    assertThat(lines.get(1)).startsWith("Tree.walk  2 calls  ");
    assertThat(lines.get(2)).isEqualTo("  -> Tree.walk  1 of 2 calls  40ns  (recursive)");
    assertThat(lines.get(3)).startsWith("  -> Leaf.visit  1 of 2 calls  10ns  self ");
    assertThat(lines.get(4)).startsWith("Other.root  1 call  ");
    assertThat(lines.get(5)).isEqualTo("  -> Leaf.visit  1 of 2 calls  1ns  (see above)");
  }

  @Test
  void textShowsTheMostTimeConsumingCalleesAndWaitsAndSumsUpTheRest() {
    DumpBuilder dump = new DumpBuilder(1000).method(1, "Root.run", TaskKind.SYNC);
    dump.point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 3);
    dump.task(1, 1).ran(0, 1000);
    for (int m = 2; m <= 26; m++) {
      dump.method(m, "Callee.m" + m, TaskKind.ASYNC);
      dump.point(m, m, "CompletableFuture.join", AwaitKind.FUTURE, 3);
      dump.task(m, m).async().parent(1).ran(m, 2 * m); // callee m takes m ns
    }
    for (int m = 2; m <= 26; m++) {
      // each callee waits on its successor's future once: 24 waiter-producer pairs
      int next = m == 26 ? 2 : m + 1;
      dump.task(100 + m, m).parent(m).ran(0, 1);
      dump.task(200 + m, next).async().parent(100 + m).ran(0, 1);
      dump.blocked(10 * m, 100 + m, m).event(10 * m + 1, 200 + m, TaskState.COMPLETED);
      dump.event(10 * m + 2, 100 + m, TaskState.RUNNING);
    }
    List<String> lines = CallGraphText.render(CallGraph.of(dump.build()), false);

    List<String> callees = lines.stream().filter(l -> l.startsWith("  -> ")).toList();
    assertThat(callees).hasSize(CallGraphText.MAX_CALLEES + 1);
    assertThat(callees.get(0)).startsWith("  -> Callee.m26  1 of 3 calls  26ns");
    assertThat(callees.get(CallGraphText.MAX_CALLEES))
        .isEqualTo("  -> ... 13 more callees, 13 calls  104ns");
    assertThat(lines).contains("  ... 5 more pairs (export --format json lists them all)");
  }

  @Test
  void dotDeclaresEveryNodeAndEscapesEveryLabel() {
    CallGraph graph = hostileNames();
    GraphSyntax.Dot dot = GraphSyntax.Dot.parse(CallGraphDot.render(graph));

    assertThat(dot.nodes().keySet()).containsExactlyInAnyOrder("m1", "m2", "m3");
    assertThat(dot.edges()).hasSize(graph.edges().size());
    assertThat(dot.edges()).allSatisfy(edge -> assertThat(dot.nodes().keySet()).containsAll(edge));
    assertThat(dot.nodes().get("m1")).startsWith("say \"hi\" \\n <b>#1</b> & `x` | y\n");
    assertThat(dot.nodes().get("m3")).startsWith("line\nbreak\n");
  }

  @Test
  void mermaidDeclaresEveryNodeAndEscapesEveryLabel() {
    CallGraph graph = hostileNames();
    GraphSyntax.Mermaid mermaid = GraphSyntax.Mermaid.parse(CallGraphMermaid.render(graph));

    assertThat(mermaid.nodes().keySet()).containsExactlyInAnyOrder("m1", "m2", "m3");
    assertThat(mermaid.edges()).hasSize(graph.edges().size());
    assertThat(mermaid.edges())
        .allSatisfy(edge -> assertThat(mermaid.nodes().keySet()).containsAll(edge));
    assertThat(mermaid.nodes().get("m1"))
        .startsWith("say #quot;hi#quot; \\n #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96; #124; y<br/>");
    assertThat(mermaid.nodes().get("m2")).startsWith("transfer(a-#gt;b)<br/>");
    assertThat(mermaid.nodes().get("m3")).startsWith("line break<br/>");
  }

  @Test
  void renderingsOfTheShopAreStructurallySound() {
    GraphSyntax.Dot dot = GraphSyntax.Dot.parse(CallGraphDot.render(shop));
    GraphSyntax.Mermaid mermaid = GraphSyntax.Mermaid.parse(CallGraphMermaid.render(shop));
    assertThat(dot.nodes()).hasSize(5);
    assertThat(mermaid.nodes()).hasSize(5);
    assertThat(dot.edges())
        .hasSize(4)
        .allSatisfy(e -> assertThat(dot.nodes().keySet()).containsAll(e));
    assertThat(mermaid.edges())
        .hasSize(4)
        .allSatisfy(e -> assertThat(mermaid.nodes().keySet()).containsAll(e));
  }
}
