package dev.asyncinspect.analyzer.report;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ErrorInfo;
import dev.asyncinspect.analyzer.dump.Header;
import dev.asyncinspect.analyzer.dump.JvmDeadlockInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The first text report of a dump: which dump it is, every live task on one line, how many tasks
 * finished in which way, and the failures. It shows what the dump says, task by task; the analyses
 * (wait chains, deadlock cycles, the call graph) build on the same model.
 *
 * <p>A pure function from a dump to lines, so it is tested without a terminal or a file.
 */
public final class SummaryReport {
  /** The most live tasks {@link #overview(Dump)} lists; the others are counted. */
  public static final int OVERVIEW_LIVE_TASKS = 50;

  private final Dump dump;
  private final boolean overview;
  private final List<String> lines = new ArrayList<>();

  private SummaryReport(Dump dump, boolean overview) {
    this.dump = dump;
    this.overview = overview;
  }

  /** The report's lines, without line separators. */
  public static List<String> lines(Dump dump) {
    SummaryReport report = new SummaryReport(dump, false);
    report.render();
    return report.lines;
  }

  /**
   * The summary that heads a full analysis: the dump, the first {@value #OVERVIEW_LIVE_TASKS} live
   * tasks, and the finished ones by state. It leaves out the JVM's deadlocks and the failures,
   * which the analyses report in full.
   */
  public static List<String> overview(Dump dump) {
    SummaryReport report = new SummaryReport(dump, true);
    report.render();
    return report.lines;
  }

  /** Prints the report, one line at a time. */
  public static void print(Dump dump, PrintWriter out) {
    for (String line : lines(dump)) {
      out.println(line);
    }
    out.flush();
  }

  private void render() {
    lines.add(headline());
    liveTasks();
    if (!overview) {
      jvmDeadlocks();
    }
    finishedTasks();
    if (!overview) {
      failures();
    }
  }

  private String headline() {
    Header header = dump.header();
    return "dump "
        + dump.source()
        + ": pid "
        + header.pid()
        + (header.mainClass() == null ? "" : " (" + header.mainClass() + ")")
        + ", "
        + header.jvmDescription()
        + ", reason "
        + header.reason()
        + ", at "
        + header.dumpTime()
        + ", "
        + (dump.complete() ? "complete" : "TRUNCATED");
  }

  private void liveTasks() {
    List<TaskInfo> live = dump.tasks().stream().filter(t -> !t.state().terminal()).toList();
    if (live.isEmpty()) {
      lines.add("no live tasks");
      return;
    }
    lines.add("live tasks: " + live.size());
    int shown = overview ? Math.min(live.size(), OVERVIEW_LIVE_TASKS) : live.size();
    for (TaskInfo task : live.subList(0, shown)) {
      lines.add("  " + TaskLine.of(dump, task));
    }
    if (shown < live.size()) {
      lines.add("  ... " + (live.size() - shown) + " more live tasks");
    }
  }

  private void jvmDeadlocks() {
    for (JvmDeadlockInfo deadlock : dump.jvmDeadlocks()) {
      List<String> threads = new ArrayList<>();
      for (long thread : deadlock.threads()) {
        threads.add(Labels.thread(dump, thread));
      }
      lines.add("JVM-reported deadlock between " + String.join(", ", threads));
    }
  }

  private void finishedTasks() {
    Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
    for (TaskInfo task : dump.tasks()) {
      if (task.state().terminal()) {
        counts.merge(task.state(), 1, Integer::sum);
      }
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((state, count) -> parts.add(count + " " + state));
    StringBuilder line = new StringBuilder("finished tasks in the dump: ");
    line.append(parts.isEmpty() ? "none" : String.join(", ", parts));
    if (dump.end() != null) {
      line.append(" (")
          .append(dump.end().totalTasks())
          .append(" tasks started since the agent started");
      long notRetained = dump.end().dropped().getOrDefault("finishedTasks", 0L);
      if (notRetained > 0) {
        line.append(", ").append(notRetained).append(" finished tasks not retained");
      }
      line.append(')');
    }
    lines.add(line.toString());
  }

  private void failures() {
    List<TaskInfo> failed =
        dump.tasks().stream().filter(t -> t.state() == TaskState.FAILED).toList();
    if (failed.isEmpty()) {
      return;
    }
    lines.add("failed tasks:");
    for (TaskInfo task : failed) {
      String after =
          task.end() == null ? "" : " after " + DurationFormat.format(task.end() - task.start());
      ErrorInfo error = task.error();
      lines.add(
          "  #"
              + task.id()
              + " "
              + task.name()
              + "  FAILED"
              + after
              + ": "
              + (error == null ? "no exception recorded" : error));
      for (ErrorInfo cause = error == null ? null : error.cause();
          cause != null;
          cause = cause.cause()) {
        lines.add("      caused by " + cause);
      }
    }
  }
}
