package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.analysis.CallGraphText;
import dev.asyncinspect.analyzer.analysis.DeadlocksText;
import dev.asyncinspect.analyzer.analysis.FailuresText;
import dev.asyncinspect.analyzer.analysis.LineWrap;
import dev.asyncinspect.analyzer.analysis.PinnedThreadsText;
import dev.asyncinspect.analyzer.analysis.StatisticsText;
import dev.asyncinspect.analyzer.analysis.StuckTasksText;
import dev.asyncinspect.analyzer.report.SummaryReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text report of {@code analyze}: the summary (or, with {@code --show-*}, only the dump's
 * headline), a {@code findings:} line, then each section shown, separated by blank lines. Empty
 * finding sections say so in one line when asked for by name; in the full report they are left out,
 * the {@code findings:} line covering them, except the stuck section's hint when live tasks were
 * below the threshold. A pure function to lines.
 */
final class AnalyzeText {
  private final Analysis analysis;
  private final boolean color;
  private final List<String> lines = new ArrayList<>();

  private AnalyzeText(Analysis analysis, boolean color) {
    this.analysis = analysis;
    this.color = color;
  }

  static List<String> lines(Analysis analysis, boolean color) {
    AnalyzeText text = new AnalyzeText(analysis, color);
    text.render();
    return text.lines;
  }

  private void render() {
    List<String> summary = SummaryReport.overview(analysis.dump());
    for (String line : analysis.full() ? summary : summary.subList(0, 1)) {
      lines.addAll(LineWrap.wrap(line, LineWrap.WIDTH));
    }
    Map<String, Integer> findings = analysis.findings();
    if (!findings.isEmpty()) {
      lines.add(findingsLine(findings));
    }
    if (analysis.shows(Section.STUCK)) {
      boolean none = analysis.stuck().chains().isEmpty();
      // Live tasks below the threshold: the line says how long the longest has waited.
      boolean hint = analysis.stuck().longestNotStuck() >= 0;
      section(
          none ? LineWrap.wrap(StuckTasksText.none(analysis.stuck()), LineWrap.WIDTH) : stuckText(),
          none && !hint);
    }
    if (analysis.shows(Section.DEADLOCKS)) {
      List<String> deadlocks = DeadlocksText.render(analysis.graph(), analysis.deadlocks(), color);
      section(deadlocks.isEmpty() ? List.of("no deadlock") : deadlocks, deadlocks.isEmpty());
    }
    if (analysis.shows(Section.FAILURES)) {
      List<String> failures = FailuresText.render(analysis.dump(), analysis.failures(), color);
      section(failures.isEmpty() ? List.of("no failed task") : failures, failures.isEmpty());
    }
    if (analysis.shows(Section.CALL_GRAPH)) {
      section(CallGraphText.render(analysis.callGraph(), color), false);
    }
    if (analysis.shows(Section.STATISTICS)) {
      section(StatisticsText.render(analysis.statistics(), color), false);
    }
    if (analysis.shows(Section.LINTS)) {
      List<String> pins = PinnedThreadsText.render(analysis.dump(), analysis.pins(), color);
      section(pins.isEmpty() ? List.of("no lint") : pins, pins.isEmpty());
    }
  }

  private List<String> stuckText() {
    return StuckTasksText.render(analysis.graph(), analysis.stuck(), color);
  }

  /** Adds a section after a blank line; an empty one only when it was asked for by name. */
  private void section(List<String> section, boolean empty) {
    if (empty && analysis.full()) {
      return;
    }
    lines.add("");
    lines.addAll(section);
  }

  /** {@code findings: 2 stuck tasks, no deadlock, 1 failed task}. */
  private static String findingsLine(Map<String, Integer> findings) {
    List<String> parts = new ArrayList<>();
    findings.forEach(
        (kind, count) -> {
          String noun =
              switch (kind) {
                case "stuckTasks" -> "stuck task";
                case "deadlocks" -> "deadlock";
                default -> "failed task";
              };
          parts.add(count == 0 ? "no " + noun : count + " " + noun + (count == 1 ? "" : "s"));
        });
    return "findings: " + String.join(", ", parts);
  }
}
