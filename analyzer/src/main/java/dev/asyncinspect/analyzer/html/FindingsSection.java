package dev.asyncinspect.analyzer.html;

import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.DeadlocksText;
import dev.asyncinspect.analyzer.analysis.Failure;
import dev.asyncinspect.analyzer.analysis.FailuresText;
import dev.asyncinspect.analyzer.analysis.PinnedThreads;
import dev.asyncinspect.analyzer.analysis.PinnedThreadsText;
import dev.asyncinspect.analyzer.analysis.StuckTasks;
import dev.asyncinspect.analyzer.analysis.StuckTasksText;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of the report: deadlocks, stuck tasks with their wait chains, failures with their
 * async stack traces, and lints, each block as the text report writes it ({@code analyze}), one
 * framed block per finding.
 */
final class FindingsSection {
  private FindingsSection() {}

  static void write(
      Page page,
      WaitForGraph graph,
      StuckTasks stuck,
      List<Deadlock> deadlocks,
      List<Failure> failures,
      List<PinnedThreads.Pin> pins) {
    page.raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
    page.raw("<h3>Deadlocks</h3>\n");
    blocks(page, "finding deadlock", DeadlocksText.render(graph, deadlocks, false), "no deadlock");
    page.raw("<h3>Stuck tasks</h3>\n");
    blocks(
        page,
        "finding stuck",
        StuckTasksText.render(graph, stuck, false),
        StuckTasksText.none(stuck));
    page.raw("<h3>Failures</h3>\n");
    blocks(
        page,
        "finding failure",
        FailuresText.render(graph.dump(), failures, false),
        "no failed task");
    if (!pins.isEmpty()) {
      page.raw("<h3>Lints</h3>\n");
      blocks(page, "finding lint", PinnedThreadsText.render(graph.dump(), pins, false), "");
    }
    page.raw("</section>\n");
  }

  /** The text renderer's blocks (separated by blank lines), each in its own {@code <pre>}. */
  private static void blocks(Page page, String classes, List<String> lines, String none) {
    if (lines.isEmpty()) {
      page.element("p", "none", none);
      page.raw("\n");
      return;
    }
    List<String> block = new ArrayList<>();
    for (String line : lines) {
      if (line.isEmpty()) {
        page.pre(classes, block).raw("\n");
        block.clear();
      } else {
        block.add(line);
      }
    }
    if (!block.isEmpty()) {
      page.pre(classes, block).raw("\n");
    }
  }
}
