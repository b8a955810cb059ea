package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The waits on futures of the text call graph ({@link CallGraphText}): one line per waiter and
 * producer method, the most time waited first, at most {@value #MAX_WAITS}; the rest are counted in
 * one line, as a busy program can have thousands of pairs.
 *
 * <pre>
 * waits on futures (waiter -&gt; producer; inferred: from the event history):
 *   OrderService.placeOrder -&gt; PaymentClient.charge  2 waits  60ms, 1 inferred
 * </pre>
 */
final class WaitPairsText {
  /** Waiter-producer pairs shown, the most time waited first. */
  static final int MAX_WAITS = 20;

  private WaitPairsText() {}

  static List<String> render(CallGraph graph, Map<Integer, MethodNode> nodes, boolean color) {
    List<CallEdge> waits =
        graph.edges().stream()
            .filter(edge -> edge.kind() == EdgeKind.AWAITS)
            .sorted(Comparator.comparingLong(CallEdge::totalNanos).reversed())
            .toList();
    List<String> lines = new ArrayList<>();
    if (waits.isEmpty()) {
      return lines;
    }
    lines.add(
        Ansi.style(
            color,
            Ansi.BOLD,
            "waits on futures (waiter -> producer; inferred: from the event history):"));
    for (CallEdge wait : waits.subList(0, Math.min(waits.size(), MAX_WAITS))) {
      String pair = "  " + nodes.get(wait.from()).name() + " -> " + nodes.get(wait.to()).name();
      String times =
          Words.count(wait.count(), "wait")
              + "  "
              + DurationFormat.format(wait.totalNanos())
              + (wait.inferred() == 0
                  ? ""
                  : wait.inferred() == wait.count()
                      ? ", inferred"
                      : ", " + wait.inferred() + " inferred");
      lines.addAll(LineFit.fit(pair, List.of(times), "  ", "      "));
    }
    if (waits.size() > MAX_WAITS) {
      lines.add(
          "  ... "
              + Words.count(waits.size() - MAX_WAITS, "more pair")
              + " (export --format json lists them all)");
    }
    return lines;
  }
}
