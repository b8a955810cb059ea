package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The stuck tasks as text, one block per wait chain: a line per waiter, then the root cause.
 *
 * <pre>
 * STUCK  2 tasks
 *   #1 StuckFuture.loadProfile  BLOCKED 18ms at StuckFuture.java:37 join() on
 *       CompletableFuture@37a5da30 = future of #2
 *   #2 StuckFuture.fetchUser  SUSPENDED 18ms returned CompletableFuture@37a5da30
 *   root cause: #2 StuckFuture.fetchUser returned CompletableFuture@37a5da30
 *       incomplete, and no known task will complete it: no known producer
 * </pre>
 *
 * Lines are wrapped to 80 columns; a pure function to lines.
 */
public final class StuckTasksText {
  private StuckTasksText() {}

  /** The blocks, separated by blank lines; ANSI colours only when {@code color}. */
  public static List<String> render(WaitForGraph graph, StuckTasks stuck, boolean color) {
    List<String> lines = new ArrayList<>();
    WaitLines waitLines = new WaitLines(graph);
    for (WaitChain chain : stuck.chains()) {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      lines.add(
          Ansi.style(color, Ansi.YELLOW, "STUCK")
              + "  "
              + Words.count(chain.stuckTasks().size(), "task"));
      for (WaitLink link : WaitLink.ofChain(graph, chain.nodes(), chain.joins())) {
        LineWrap.add(lines, "  " + waitLines.line(link));
      }
      if (chain.joins() >= 0) {
        LineWrap.add(lines, "  joins the chain above at " + Names.node(graph, chain.joins()));
      }
      LineWrap.add(
          lines,
          "  " + Ansi.style(color, Ansi.BOLD, "root cause:") + " " + chain.end().rootCause());
    }
    return lines;
  }

  /**
   * One line for a report without stuck tasks, saying what was looked for and what a lower
   * threshold would show: {@code no stuck task (none in the same state for 1.0s or more; the
   * longest in its state is 18ms: --show-stuck=0ms shows every live task)}.
   */
  public static String none(StuckTasks stuck) {
    if (stuck.liveTasks() == 0) {
      return "no stuck task: no task was live";
    }
    if (stuck.deadlocked() > 0) {
      return "no stuck task besides the " + Words.count(stuck.deadlocked(), "deadlocked task");
    }
    StringBuilder line = new StringBuilder("no stuck task (none ");
    line.append(stuck.criteria().describe());
    if (stuck.longestNotStuck() >= 0) {
      line.append("; the longest in its state is ")
          .append(DurationFormat.format(stuck.longestNotStuck()))
          .append(": --show-stuck=0ms shows every live task");
    }
    return line.append(')').toString();
  }
}
