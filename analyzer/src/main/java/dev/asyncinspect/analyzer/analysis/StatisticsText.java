package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics as two tables that fit 80 columns: methods by total time, then await points ranked
 * by time waited. A name too long for its column goes on a line of its own, with the numbers on the
 * next line, rather than being cut. Durations read as in the rest of the report ({@code 1.5us},
 * {@code 12ms}); a dash stands for "nothing finished".
 *
 * <pre>
 * METHOD                        CALLS FAIL   P50   P95   P99   MAX RUN% BLK% SUS%
 * FanOutPipeline.fetch              3    0 1.6ms  13ms  13ms  13ms   89    0   11
 * </pre>
 *
 * and, when the dump has spawn points, a third table of the work handed off at each:
 *
 * <pre>
 * SPAWN POINT                   TASKS FAIL   P50   P95   P99   MAX QUE% RUN% BLK%
 * ThreadPoolExecutor.submit         4    0 1.1ms 1.4ms 1.4ms 1.4ms    2   98    0
 *      at Pipeline.java:30 in Pipeline.fetchAll
 * </pre>
 */
public final class StatisticsText {
  private static final int METHOD_WIDTH = 29;
  private static final int POINT_WIDTH = 31;
  private static final String POINT_INDENT = "     ";

  private final boolean color;
  private final List<String> lines = new ArrayList<>();

  private StatisticsText(boolean color) {
    this.color = color;
  }

  /** The rendering, without line separators; ANSI colours only when {@code color}. */
  public static List<String> render(Statistics statistics, boolean color) {
    StatisticsText text = new StatisticsText(color);
    text.methods(statistics.methods());
    text.awaitPoints(statistics.awaitPoints());
    text.spawnPoints(statistics.spawnPoints());
    return text.lines;
  }

  private void methods(List<MethodStatistics> methods) {
    lines.add(bold("methods: " + methods.size() + ", by total time of their finished calls"));
    if (methods.isEmpty()) {
      return;
    }
    lines.add(
        bold(
            pad("METHOD", METHOD_WIDTH)
                + cells(6, "CALLS")
                + cells(5, "FAIL")
                + cells(6, "P50", "P95", "P99", "MAX")
                + cells(5, "RUN%", "BLK%", "SUS%")));
    boolean derived = false;
    for (MethodStatistics method : methods) {
      String name = method.method().task() + (method.source() == StatsSource.DUMP ? "*" : "");
      derived |= method.source() == StatsSource.DUMP;
      DurationSummary d = method.durations();
      long states = method.runningNanos() + method.blockedNanos() + method.suspendedNanos();
      row(
          name,
          METHOD_WIDTH,
          "",
          counts(d)
              + durations(d)
              + cells(
                  5,
                  share(method.runningNanos(), states),
                  share(method.blockedNanos(), states),
                  share(method.suspendedNanos(), states)));
      if (method.live() > 0) {
        lines.add("  + " + Words.count(method.live(), "live call") + ", not counted above");
      }
    }
    if (derived) {
      lines.add("* no agent statistics in the dump: from its finished tasks only");
    }
  }

  private void awaitPoints(List<AwaitPointStatistics> points) {
    List<AwaitPointStatistics> waited =
        points.stream().filter(p -> p.waits().count() > 0 || p.waitingNow() > 0).toList();
    lines.add(bold("await points: " + points.size() + ", ranked by time waited"));
    if (!waited.isEmpty()) {
      lines.add(
          bold(
              String.format("%3s  ", "#")
                  + pad("AWAIT POINT", POINT_WIDTH)
                  + cells(6, "WAITS")
                  + cells(5, "FAIL")
                  + cells(6, "TOTAL", "P50", "P95", "P99", "MAX")));
    }
    int rank = 0;
    for (AwaitPointStatistics point : waited) {
      rank++;
      DurationSummary d = point.waits();
      String operation =
          point.point().operation() + (point.source() == StatsSource.DUMP ? "*" : "");
      row(
          operation,
          POINT_WIDTH,
          String.format("%3d  ", rank),
          counts(d) + cells(6, DurationFormat.format(point.totalWaitedNanos())) + durations(d));
      List<String> where = where(point);
      lines.addAll(
          LineFit.fit(
              POINT_INDENT + where.get(0),
              where.subList(1, where.size()),
              ", ",
              POINT_INDENT + "  "));
    }
    if (waited.size() < points.size()) {
      int idle = points.size() - waited.size();
      lines.add(
          Words.count(idle, "more await point") + " with no finished or ongoing wait, not shown");
    }
    if (waited.stream().anyMatch(p -> p.source() == StatsSource.DUMP)) {
      lines.add("* no agent statistics in the dump: from its event history only");
    }
  }

  /**
   * The spawn points with handed-off work, by total time: how many tasks, how long from submit to
   * end, and which share of that was spent queued, running and blocked.
   */
  private void spawnPoints(List<SpawnPointStatistics> points) {
    if (points.isEmpty()) {
      return; // nothing handed off: no table, as before spawned work was followed
    }
    List<SpawnPointStatistics> used =
        points.stream().filter(p -> p.tasks().count() > 0 || p.live() > 0).toList();
    lines.add(bold("spawn points: " + points.size() + ", by total time of their finished tasks"));
    if (!used.isEmpty()) {
      lines.add(
          bold(
              pad("SPAWN POINT", METHOD_WIDTH)
                  + cells(6, "TASKS")
                  + cells(5, "FAIL")
                  + cells(6, "P50", "P95", "P99", "MAX")
                  + cells(5, "QUE%", "RUN%", "BLK%")));
    }
    for (SpawnPointStatistics point : used) {
      DurationSummary d = point.tasks();
      long total =
          point.queuedNanos()
              + point.runningNanos()
              + point.blockedNanos()
              + point.suspendedNanos();
      row(
          point.point().operation() + (point.source() == StatsSource.DUMP ? "*" : ""),
          METHOD_WIDTH,
          "",
          counts(d)
              + durations(d)
              + cells(
                  5,
                  share(point.queuedNanos(), total),
                  share(point.runningNanos(), total),
                  share(point.blockedNanos(), total)));
      String method = point.method() == null ? "an unknown method" : point.method().task();
      List<String> phrases = new ArrayList<>();
      phrases.add("at " + point.point().location() + " in " + method);
      if (point.live() > 0) {
        phrases.add(
            Words.count(point.live(), "live task")
                + (point.queuedNow() > 0 ? " (" + point.queuedNow() + " queued now)" : ""));
      }
      lines.addAll(
          LineFit.fit(
              POINT_INDENT + phrases.get(0),
              phrases.subList(1, phrases.size()),
              ", ",
              POINT_INDENT + "  "));
    }
    if (used.size() < points.size()) {
      lines.add(
          Words.count(points.size() - used.size(), "more spawn point")
              + " with no finished or live task, not shown");
    }
    if (used.stream().anyMatch(p -> p.source() == StatsSource.DUMP)) {
      lines.add("* no agent statistics in the dump: from its finished tasks only");
    }
  }

  /** Where the point is, and what is going on there: phrases for {@link LineFit}. */
  private static List<String> where(AwaitPointStatistics point) {
    AwaitPointInfo info = point.point();
    String method = point.method() == null ? "an unknown method" : point.method().task();
    List<String> phrases = new ArrayList<>();
    phrases.add(
        (info.file() != null || info.line() != null ? "at " + info.location() + " " : "")
            + "in "
            + method);
    if (info.timed()) {
      phrases.add("with timeout");
    }
    if (point.waitingNow() > 0) {
      phrases.add(
          point.waitingNow()
              + " waiting now ("
              + DurationFormat.format(point.waitingNanos())
              + " so far)");
    }
    return phrases;
  }

  /** The name and the numbers on one line, or on two when the name does not fit its column. */
  private void row(String name, int width, String prefix, String numbers) {
    if (name.length() < width) {
      lines.add(prefix + pad(name, width) + numbers);
    } else {
      lines.add(prefix + name);
      lines.add(" ".repeat(prefix.length() + width) + numbers);
    }
  }

  private String counts(DurationSummary d) {
    String failed = cells(5, Words.compactCount(d.failed()));
    return cells(6, Words.compactCount(d.count()))
        + (d.failed() > 0 ? Ansi.style(color, Ansi.RED, failed) : failed);
  }

  private static String durations(DurationSummary d) {
    if (d.count() == 0) {
      return cells(6, "-", "-", "-", "-");
    }
    return cells(
        6,
        DurationFormat.format(d.p50Nanos()),
        DurationFormat.format(d.p95Nanos()),
        DurationFormat.format(d.p99Nanos()),
        DurationFormat.format(d.maxNanos()));
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "-" : Long.toString(Math.round(100.0 * part / whole));
  }

  /** Each value right-aligned in a cell of {@code width}. */
  private static String cells(int width, String... values) {
    StringBuilder text = new StringBuilder();
    for (String value : values) {
      text.append(" ".repeat(Math.max(1, width - value.length()))).append(value);
    }
    return text.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private String bold(String text) {
    return Ansi.style(color, Ansi.BOLD, text);
  }
}
