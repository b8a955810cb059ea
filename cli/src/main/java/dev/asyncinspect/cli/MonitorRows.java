package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The tasks the monitor's table shows: the live ones that pass the filters, in the chosen order.
 */
final class MonitorRows {
  private MonitorRows() {}

  static List<TaskInfo> of(Dump dump, MonitorState state) {
    return of(dump, List.of(), state);
  }

  /**
   * The rows of a replay: the tasks whose state is known, as for a live JVM, then those whose state
   * is not ({@code unknown}, by id), which only the filter "all" shows.
   */
  static List<TaskInfo> of(Dump dump, List<TaskInfo> unknown, MonitorState state) {
    String name = state.nameFilter.toLowerCase(Locale.ROOT);
    List<TaskInfo> rows =
        new ArrayList<>(
            dump.tasks().stream()
                .filter(task -> !task.state().terminal())
                .filter(task -> state.stateFilter == null || task.state() == state.stateFilter)
                .filter(task -> matches(task, name))
                .sorted(order(dump, state.sort))
                .toList());
    if (state.stateFilter == null) {
      unknown.stream()
          .filter(task -> matches(task, name))
          .sorted(Comparator.comparingLong(TaskInfo::id))
          .forEach(rows::add);
    }
    return rows;
  }

  private static boolean matches(TaskInfo task, String name) {
    return name.isEmpty() || task.name().toLowerCase(Locale.ROOT).contains(name);
  }

  /** The order of a column; ties by id, so that rows do not swap places between two redraws. */
  private static Comparator<TaskInfo> order(Dump dump, MonitorState.SortColumn column) {
    Comparator<TaskInfo> byId = Comparator.comparingLong(TaskInfo::id);
    Comparator<TaskInfo> first =
        switch (column) {
          // Longest first: the task that has waited longest is the one to look at.
          case TIME ->
              Comparator.comparingLong((TaskInfo task) -> dump.timeInState(task)).reversed();
          case ID -> byId;
          case NAME -> Comparator.comparing(TaskInfo::name);
          case STATE -> Comparator.comparing(TaskInfo::state);
          case THREAD -> Comparator.comparing((TaskInfo task) -> threadName(dump, task));
        };
    return first.thenComparing(byId);
  }

  /** The name of the thread running a task, {@code -} when none. */
  static String threadName(Dump dump, TaskInfo task) {
    if (task.thread() == null) {
      return "-";
    }
    return dump.thread(task.thread())
        .map(t -> t.name().isEmpty() ? (t.virtual() ? "virtual #" : "#") + t.id() : t.name())
        .orElse("#" + task.thread());
  }

  /** {@code File.java:line} of the await point a task is blocked at, {@code -} when none. */
  static String awaitAt(Dump dump, TaskInfo task) {
    if (task.await() == null || dump.awaitPoint(task.await().point()) == null) {
      return "-";
    }
    return dump.awaitPoint(task.await().point()).location();
  }
}
