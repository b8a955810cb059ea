package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.Deadlocks;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The monitor's screen as lines, from a snapshot of live tasks, the {@link MonitorState} and the
 * terminal size: a pure function, so that it is tested without a terminal (as JLine's {@code TTop}
 * renders). Lines: the JVM, the counts per state, a warning (stuck tasks, deadlocks) or an empty
 * line, then the task table (or a task's details, or the help), and the keys at the bottom.
 */
final class MonitorView {
  static final int HEADER_LINES = 4;
  private static final AttributedStyle WARNING =
      AttributedStyle.BOLD.foreground(AttributedStyle.RED);

  private final long stuckThresholdNanos;

  /** A view that calls a waiting task stuck after {@code stuckThresholdNanos} in its state. */
  MonitorView(long stuckThresholdNanos) {
    this.stuckThresholdNanos = stuckThresholdNanos;
  }

  List<AttributedString> render(Dump dump, MonitorState state, int columns, int rows) {
    return render(dump, null, null, state, columns, rows);
  }

  /** The screen of a replay: the tasks at a moment of a dump's history. */
  List<AttributedString> render(
      ReplayFrame frame, ReplayHistory history, MonitorState state, int columns, int rows) {
    return render(frame.dump(), frame, history, state, columns, rows);
  }

  private List<AttributedString> render(
      Dump dump,
      ReplayFrame frame,
      ReplayHistory history,
      MonitorState state,
      int columns,
      int rows) {
    WaitForGraph graph = WaitForGraph.of(dump);
    List<TaskInfo> unknown = frame == null ? List.of() : frame.unknown();
    List<TaskInfo> tasks = MonitorRows.of(dump, unknown, state);
    List<AttributedString> lines = new ArrayList<>();
    lines.add(
        plain(frame == null ? title(dump, state) : replayTitle(frame, history, state), columns));
    lines.add(plain(counts(dump, unknown.size()), columns));
    String warning = warning(dump, graph);
    lines.add(new AttributedString(Fit.cut(warning, columns), WARNING));
    int body = Math.max(0, rows - HEADER_LINES - 1);
    if (state.help) {
      lines.add(plain("Keys", columns));
      body(lines, MonitorHelp.lines(frame != null), body, columns);
    } else if (state.details != null) {
      lines.add(plain("Task #" + state.details, columns));
      TaskDetails details =
          frame == null ? new TaskDetails(graph) : new TaskDetails(graph, frame, history);
      body(lines, details.lines(state.details), body, columns);
    } else {
      MonitorTable table = new MonitorTable(dump, columns, stuckThresholdNanos);
      lines.add(table.heading());
      state.move(0, tasks.size());
      int first = Math.max(0, state.selected - body + 1);
      for (int row = first; row < tasks.size() && row < first + body; row++) {
        TaskInfo task = tasks.get(row);
        boolean known = unknown.isEmpty() || !unknown.contains(task); // few, when any
        lines.add(
            known
                ? table.row(task, row == state.selected)
                : table.unknownRow(task, row == state.selected));
      }
      if (tasks.isEmpty() && body > 0) {
        boolean filtered = state.stateFilter != null || !state.nameFilter.isEmpty();
        String none = frame == null ? "  no live task" : "  no live task at this time";
        lines.add(plain(filtered ? "  no live task matches the filters" : none, columns));
      }
    }
    while (lines.size() < rows - 1) {
      lines.add(AttributedString.EMPTY);
    }
    lines.add(new AttributedString(Fit.cut(footer(state), columns), AttributedStyle.INVERSE));
    return lines.size() > rows ? lines.subList(lines.size() - rows, lines.size()) : lines;
  }

  private static void body(List<AttributedString> lines, List<String> text, int max, int columns) {
    for (int i = 0; i < text.size() && i < max; i++) {
      lines.add(plain(text.get(i), columns));
    }
  }

  private static String title(Dump dump, MonitorState state) {
    String main = dump.header().mainClass() == null ? "?" : dump.header().mainClass();
    return "async-inspect monitor  pid "
        + dump.header().pid()
        + "  "
        + main
        + (state.paused ? "  PAUSED" : "");
  }

  /**
   * {@code async-inspect replay event 3 of 120 at 1.2s (#2 SUSPENDED) pid 4242 Main PLAYING 2x}:
   * where the replay is, first, so that a narrow terminal keeps it.
   */
  private static String replayTitle(ReplayFrame frame, ReplayHistory history, MonitorState state) {
    Dump dump = frame.dump();
    String main = dump.header().mainClass() == null ? "?" : dump.header().mainClass();
    EventInfo event = history.eventAt(frame.position());
    ReplayCursor cursor = state.replay;
    return "async-inspect replay  event "
        + frame.position()
        + " of "
        + frame.size()
        + " at "
        + DurationFormat.format(frame.time())
        + " (#"
        + event.task()
        + " "
        + event.state()
        + ")  pid "
        + dump.header().pid()
        + "  "
        + main
        + (cursor != null && cursor.playing() ? "  PLAYING " + cursor.speed() : "");
  }

  private static String counts(Dump dump, int unknown) {
    Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
    int live = 0;
    for (TaskInfo task : dump.tasks()) {
      if (!task.state().terminal()) {
        byState.merge(task.state(), 1, Integer::sum);
        live++;
      }
    }
    StringBuilder line = new StringBuilder().append(live).append(" live:");
    for (TaskState state :
        List.of(TaskState.RUNNING, TaskState.BLOCKED, TaskState.SUSPENDED, TaskState.QUEUED)) {
      line.append("  ").append(byState.getOrDefault(state, 0)).append(' ').append(state);
    }
    if (unknown > 0) {
      line.append("  ").append(unknown).append(" state unknown (history dropped)");
    }
    return line.toString();
  }

  /** {@code ! 2 stuck (waiting 10s or more) 1 deadlock: #1 #2}, or empty when all is well. */
  private String warning(Dump dump, WaitForGraph graph) {
    int stuck = 0;
    for (TaskInfo task : dump.tasks()) {
      if (stuck(dump, task, stuckThresholdNanos)) {
        stuck++;
      }
    }
    List<Deadlock> deadlocks = Deadlocks.of(graph);
    if (stuck == 0 && deadlocks.isEmpty()) {
      return "";
    }
    StringBuilder line = new StringBuilder("!");
    if (stuck > 0) {
      line.append(' ').append(stuck).append(stuck == 1 ? " task" : " tasks");
      line.append(" stuck (waiting ").append(DurationFormat.format(stuckThresholdNanos));
      line.append(" or more)");
    }
    if (!deadlocks.isEmpty()) {
      line.append(stuck > 0 ? ", " : " ").append(deadlocks.size());
      line.append(deadlocks.size() == 1 ? " deadlock:" : " deadlocks:");
      for (Deadlock deadlock : deadlocks) {
        for (int node : deadlock.waiters()) {
          line.append(" #").append(graph.node(node).id());
        }
      }
    }
    return line.toString();
  }

  /** Whether a task has waited (BLOCKED, SUSPENDED, QUEUED) for the threshold or longer. */
  static boolean stuck(Dump dump, TaskInfo task, long thresholdNanos) {
    TaskState state = task.state();
    boolean waiting =
        state == TaskState.BLOCKED || state == TaskState.SUSPENDED || state == TaskState.QUEUED;
    return waiting && dump.timeInState(task) >= thresholdNanos;
  }

  private static String footer(MonitorState state) {
    if (state.editing != null) {
      return "name filter: " + state.editing + "_   Enter apply  Esc cancel";
    }
    if (state.message != null) {
      return state.message;
    }
    if (state.help) {
      return "Esc back  q quit";
    }
    if (state.replay != null) {
      return replayFooter(state);
    }
    if (state.details != null) {
      return "Esc back  d dump  q quit";
    }
    String filter =
        state.stateFilter == null
            ? "all"
            : state.stateFilter.name().toLowerCase(java.util.Locale.ROOT);
    return "q quit  h help  s sort:"
        + state.sort.name().toLowerCase(java.util.Locale.ROOT)
        + "  f "
        + filter
        + "  / name"
        + (state.nameFilter.isEmpty() ? "" : ":" + state.nameFilter)
        + "  Enter details  p pause  d dump";
  }

  private static String replayFooter(MonitorState state) {
    String keys =
        "Left Right step  p "
            + (state.replay.playing() ? "pause" : "play")
            + "  + - "
            + state.replay.speed();
    if (state.details != null) {
      return "Esc back  " + keys + "  q quit";
    }
    return "q quit  h help  "
        + keys
        + "  Enter details  s sort:"
        + state.sort.name().toLowerCase(java.util.Locale.ROOT)
        + "  f "
        + (state.stateFilter == null
            ? "all"
            : state.stateFilter.name().toLowerCase(java.util.Locale.ROOT))
        + "  / name"
        + (state.nameFilter.isEmpty() ? "" : ":" + state.nameFilter);
  }

  private static AttributedString plain(String text, int columns) {
    return new AttributedString(Fit.cut(text, columns));
  }
}
