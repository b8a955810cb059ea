package dev.asyncinspect.analyzer.html;

import dev.asyncinspect.analyzer.analysis.AwaitPointStatistics;
import dev.asyncinspect.analyzer.analysis.DurationSummary;
import dev.asyncinspect.analyzer.analysis.MethodStatistics;
import dev.asyncinspect.analyzer.analysis.Statistics;
import dev.asyncinspect.analyzer.analysis.StatsSource;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of {@link Statistics} as two tables: the methods by total time of their finished
 * calls, and the await points ranked by time waited (ongoing waits included), with the same columns
 * as the text report.
 */
final class StatisticsSection {
  private StatisticsSection() {}

  static void write(Page page, Statistics statistics) {
    page.raw("<section id=\"statistics\">\n<h2>Statistics</h2>\n");
    page.raw("<h3>Methods, by total time of their finished calls</h3>\n");
    page.raw("<table class=\"stats\" id=\"method-stats\">\n");
    page.row(
        2,
        List.of(
            "method",
            "kind",
            "calls",
            "failed",
            "cancelled",
            "p50",
            "p95",
            "p99",
            "max",
            "total",
            "running",
            "blocked",
            "suspended",
            "live"),
        true);
    boolean derived = false;
    for (MethodStatistics method : statistics.methods()) {
      DurationSummary d = method.durations();
      long states = method.runningNanos() + method.blockedNanos() + method.suspendedNanos();
      derived |= method.source() == StatsSource.DUMP;
      List<String> cells = new ArrayList<>();
      cells.add(method.method().task() + (method.source() == StatsSource.DUMP ? " *" : ""));
      cells.add(method.method().kind().toString());
      cells.add(Long.toString(d.count()));
      cells.add(Long.toString(d.failed()));
      cells.add(Long.toString(method.cancelled()));
      cells.addAll(durations(d));
      cells.add(d.count() == 0 ? "-" : DurationFormat.format(d.totalNanos()));
      cells.add(share(method.runningNanos(), states));
      cells.add(share(method.blockedNanos(), states));
      cells.add(share(method.suspendedNanos(), states));
      cells.add(Long.toString(method.live()));
      page.row(2, cells, false);
    }
    page.raw("</table>\n");
    if (derived) {
      page.element("p", "note", "* no agent statistics in the dump: from its finished tasks only");
    }
    page.raw("<h3>Await points, ranked by time waited</h3>\n");
    page.raw("<table class=\"stats\" id=\"point-stats\">\n");
    page.row(
        4,
        List.of(
            "#",
            "await point",
            "in method",
            "operation",
            "waits",
            "failed",
            "total",
            "p50",
            "p95",
            "p99",
            "max",
            "waiting now"),
        true);
    int rank = 0;
    for (AwaitPointStatistics point : statistics.awaitPoints()) {
      DurationSummary d = point.waits();
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(++rank));
      cells.add(point.point().location() + (point.point().timed() ? " (timed)" : ""));
      cells.add(point.method() == null ? "?" : point.method().task());
      cells.add(point.point().operation() + (point.source() == StatsSource.DUMP ? " *" : ""));
      cells.add(Long.toString(d.count()));
      cells.add(Long.toString(d.failed()));
      cells.add(DurationFormat.format(point.totalWaitedNanos()));
      cells.addAll(durations(d));
      cells.add(
          point.waitingNow() == 0
              ? "0"
              : point.waitingNow() + " (" + DurationFormat.format(point.waitingNanos()) + ")");
      page.row(4, cells, false);
    }
    page.raw("</table>\n");
    if (statistics.awaitPoints().stream().anyMatch(p -> p.source() == StatsSource.DUMP)) {
      page.element("p", "note", "* no agent statistics in the dump: from its event history only");
    }
    page.raw("</section>\n");
  }

  private static List<String> durations(DurationSummary d) {
    if (d.count() == 0) {
      return List.of("-", "-", "-", "-");
    }
    return List.of(
        DurationFormat.format(d.p50Nanos()),
        DurationFormat.format(d.p95Nanos()),
        DurationFormat.format(d.p99Nanos()),
        DurationFormat.format(d.maxNanos()));
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
  }
}
