package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The call graph as an indented text tree, one method per line, followed by the waits on futures. A
 * root line gives a method's calls and their total time; an indented line gives the calls from the
 * line above it. Each method's self time, share of the wall span and marks are shown where it first
 * appears; later appearances say {@code (see above)}, and a call back into a method on the current
 * path says {@code (recursive)}, so the output stays linear in the size of the graph.
 *
 * <pre>
 * call graph: 2 methods, 4 calls in the dump over 7.0ms
 * FanOutPipeline.pipeline  1 call  7.0ms  self 1.2ms 17%  sync
 *   -&gt; FanOutPipeline.fetch  3 calls  6.4ms  self 6.4ms 92%  BOTTLENECK, async where needed
 * </pre>
 *
 * <p>Under each method its callees come most time-consuming first, at most {@value #MAX_CALLEES}
 * (the rest summed up in one line); the waits come most time waited first, at most {@value
 * WaitPairsText#MAX_WAITS} pairs: a report to read, not a dump (the JSON, DOT and Mermaid exports
 * are complete). A pure function to lines; walks the tree iteratively, so a deep chain cannot
 * overflow the stack.
 */
public final class CallGraphText {
  /** Callees shown under a method, the most time-consuming first; the rest are summed up. */
  static final int MAX_CALLEES = 12;

  private final CallGraph graph;
  private final boolean color;
  private final Map<Integer, MethodNode> nodes;
  private final List<String> lines = new ArrayList<>();
  private final Set<Integer> shown = new HashSet<>();
  private final Map<Integer, List<CallEdge>> callsFrom = new HashMap<>();

  private CallGraphText(CallGraph graph, boolean color) {
    this.graph = graph;
    this.color = color;
    this.nodes = graph.nodesById();
    for (CallEdge edge : graph.edges()) {
      if (edge.kind() == EdgeKind.CALLS) {
        callsFrom.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge);
      }
    }
    // The callees that took the most time first, so that a cut list keeps what matters.
    for (List<CallEdge> calls : callsFrom.values()) {
      calls.sort(Comparator.comparingLong(CallEdge::totalNanos).reversed());
    }
  }

  /** The rendering, without line separators; ANSI colours only when {@code color}. */
  public static List<String> render(CallGraph graph, boolean color) {
    CallGraphText text = new CallGraphText(graph, color);
    text.render();
    return text.lines;
  }

  private void render() {
    long calls = graph.nodes().stream().mapToLong(MethodNode::calls).sum();
    lines.add(
        Ansi.style(
            color,
            Ansi.BOLD,
            "call graph: "
                + Words.count(graph.nodes().size(), "method")
                + ", "
                + Words.count(calls, "call")
                + " in the dump over "
                + DurationFormat.format(graph.wallSpanNanos())));
    for (MethodNode root : roots()) {
      if (!shown.contains(root.id())) {
        tree(root);
      }
    }
    // Methods reachable only through a cycle of calls have no root; start from each in turn.
    for (MethodNode node : graph.nodes()) {
      if (!shown.contains(node.id())) {
        tree(node);
      }
    }
    lines.addAll(WaitPairsText.render(graph, nodes, color));
  }

  /** Methods no other method calls, in node order. */
  private List<MethodNode> roots() {
    Set<Integer> called = new HashSet<>();
    for (CallEdge edge : graph.edges()) {
      if (edge.kind() == EdgeKind.CALLS && edge.from() != edge.to()) {
        called.add(edge.to());
      }
    }
    return graph.nodes().stream().filter(node -> !called.contains(node.id())).toList();
  }

  /**
   * One line to print: a method reached through {@code edge} (null at the root) at a depth; or,
   * with a null node, the callees cut from a long list, summed up by {@link #more}.
   */
  private record Step(MethodNode node, CallEdge edge, int depth) {}

  /** The calls cut from a list as one pseudo-edge: {@code from} holds how many callees. */
  private static CallEdge more(List<CallEdge> cut) {
    long count = 0;
    long total = 0;
    for (CallEdge edge : cut) {
      count += edge.count();
      total += edge.totalNanos();
    }
    return new CallEdge(cut.size(), 0, EdgeKind.CALLS, count, total, 0, 0);
  }

  private void tree(MethodNode root) {
    Deque<Step> stack = new ArrayDeque<>();
    List<Integer> path = new ArrayList<>();
    stack.push(new Step(root, null, 0));
    while (!stack.isEmpty()) {
      Step step = stack.pop();
      while (path.size() > step.depth()) {
        path.remove(path.size() - 1);
      }
      MethodNode node = step.node();
      if (node == null) {
        lines.add(
            "  ".repeat(step.depth())
                + "-> ... "
                + Words.count(step.edge().from(), "more callee")
                + ", "
                + Words.count(step.edge().count(), "call")
                + "  "
                + DurationFormat.format(step.edge().totalNanos()));
        continue;
      }
      StringBuilder line = new StringBuilder("  ".repeat(step.depth()));
      if (step.edge() == null) {
        line.append(node.name()).append("  ").append(calls(node.calls(), node.callsSinceStart()));
        if (node.spawned() > 0) {
          line.append(", ").append(node.spawned()).append(" spawned");
        }
        line.append("  ").append(DurationFormat.format(node.totalNanos()));
      } else {
        line.append("-> ").append(node.name()).append("  ");
        long count = step.edge().count();
        // The method's self time and marks that follow are of all its calls, so say how many.
        line.append(count == node.calls() ? "" : count + " of ");
        line.append(Words.count(node.calls() == count ? count : node.calls(), "call"));
        line.append("  ").append(DurationFormat.format(step.edge().totalNanos()));
      }
      if (path.contains(node.id())) {
        lines.add(line.append("  (recursive)").toString());
        continue;
      }
      if (!shown.add(node.id())) {
        lines.add(line.append("  (see above)").toString());
        continue;
      }
      String continuation = "  ".repeat(step.depth()) + (step.edge() == null ? "    " : "       ");
      lines.addAll(LineFit.fit(line.toString(), details(node), "  ", continuation));
      path.add(node.id());
      List<CallEdge> calls = callsFrom.getOrDefault(node.id(), List.of());
      if (calls.size() > MAX_CALLEES) {
        stack.push(
            new Step(null, more(calls.subList(MAX_CALLEES, calls.size())), step.depth() + 1));
      }
      for (int i = Math.min(calls.size(), MAX_CALLEES) - 1; i >= 0; i--) {
        CallEdge call = calls.get(i);
        stack.push(new Step(nodes.get(call.to()), call, step.depth() + 1));
      }
    }
  }

  private static String calls(long inDump, long sinceStart) {
    String calls = Words.count(inDump, "call");
    return sinceStart > inDump ? calls + " (" + sinceStart + " since start)" : calls;
  }

  /** The self time and share, then the marks: {@code BOTTLENECK, async where needed}. */
  private List<String> details(MethodNode node) {
    String self =
        "self " + DurationFormat.format(node.selfNanos()) + " " + Words.percent(node.wallShare());
    String use = node.asyncUse().label();
    String marks =
        (node.bottleneck() ? Ansi.style(color, Ansi.RED, "BOTTLENECK") + ", " : "")
            + (node.asyncUse() == AsyncUse.COULD_BE_SYNCHRONOUS
                ? Ansi.style(color, Ansi.YELLOW, use)
                : use);
    return List.of(self, marks);
  }
}
