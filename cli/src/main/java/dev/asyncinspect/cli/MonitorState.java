package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.TaskState;

/**
 * What the person at the monitor chose: the sort column, the filters, the selected row, and which
 * screen is shown. Mutable, owned by the monitor's one loop; {@link MonitorView} only reads it.
 */
final class MonitorState {
  /** The columns the table can be sorted by, in the order {@code s} cycles through them. */
  enum SortColumn {
    TIME("time in state"),
    ID("id"),
    NAME("name"),
    STATE("state"),
    THREAD("thread");

    final String label;

    SortColumn(String label) {
      this.label = label;
    }
  }

  /** The state filters, in the order {@code f} cycles through them; null shows every task. */
  private static final TaskState[] FILTERS = {
    null, TaskState.RUNNING, TaskState.BLOCKED, TaskState.SUSPENDED, TaskState.QUEUED
  };

  SortColumn sort = SortColumn.TIME;
  TaskState stateFilter;
  String nameFilter = "";

  /** The name filter being typed after {@code /}, or null when none is. */
  StringBuilder editing;

  int selected;

  /** The id of the task whose details are shown, or null for the table. */
  Long details;

  boolean help;
  boolean paused;

  /** Where a replay of a dump is ({@code monitor --replay}); null for a live JVM. */
  ReplayCursor replay;

  /** One line for the footer (a dump written, an error), until the next key; or null. */
  String message;

  void nextSort() {
    SortColumn[] all = SortColumn.values();
    sort = all[(sort.ordinal() + 1) % all.length];
  }

  void nextStateFilter() {
    for (int i = 0; i < FILTERS.length; i++) {
      if (FILTERS[i] == stateFilter) {
        stateFilter = FILTERS[(i + 1) % FILTERS.length];
        selected = 0;
        return;
      }
    }
  }

  /** Moves the selection by {@code delta} rows, kept within {@code rows} rows. */
  void move(int delta, int rows) {
    selected = Math.max(0, Math.min(rows - 1, selected + delta));
  }
}
