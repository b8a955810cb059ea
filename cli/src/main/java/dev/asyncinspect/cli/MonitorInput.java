package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.List;

/**
 * What a key does to the {@link MonitorState}: everything but quitting and writing a dump, which
 * the loop does itself (the answer says which). Kept apart from the terminal so that it is tested
 * without one.
 */
final class MonitorInput {
  /** What the loop has to do after a key. */
  enum Effect {
    REDRAW,
    QUIT,
    WRITE_DUMP
  }

  private MonitorInput() {}

  /** Applies a key, given the rows the table shows now. */
  static Effect apply(MonitorState state, MonitorKey key, List<TaskInfo> rows) {
    state.message = null;
    switch (key) {
      case QUIT -> {
        return Effect.QUIT;
      }
      case DUMP -> {
        if (state.replay == null) {
          return Effect.WRITE_DUMP;
        }
        state.message = "d writes a dump of a live JVM; this is a replay of one";
      }
      case HELP -> state.help = !state.help;
      case BACK -> {
        state.help = false;
        state.details = null;
      }
      case PAUSE -> {
        if (state.replay != null) {
          state.replay.playOrPause();
        } else {
          state.paused = !state.paused;
        }
      }
      case STEP_BACK, STEP_FORWARD, LARGE_BACK, LARGE_FORWARD, TO_START, TO_END, FASTER, SLOWER ->
          replay(state.replay, key);
      case SORT -> state.nextSort();
      case STATE_FILTER -> state.nextStateFilter();
      case NAME_FILTER -> state.editing = new StringBuilder(state.nameFilter);
      case UP -> state.move(-1, rows.size());
      case DOWN -> state.move(1, rows.size());
      case DETAILS -> {
        if (!rows.isEmpty() && !state.help) {
          state.details = rows.get(Math.min(state.selected, rows.size() - 1)).id();
        }
      }
    }
    return Effect.REDRAW;
  }

  private static void replay(ReplayCursor cursor, MonitorKey key) {
    if (cursor == null) {
      return; // a live JVM has no history to move through
    }
    switch (key) {
      case STEP_BACK -> cursor.step(-1);
      case STEP_FORWARD -> cursor.step(1);
      case LARGE_BACK -> cursor.step(-cursor.largeStep());
      case LARGE_FORWARD -> cursor.step(cursor.largeStep());
      case TO_START -> cursor.toStart();
      case TO_END -> cursor.toEnd();
      case FASTER -> cursor.faster();
      case SLOWER -> cursor.slower();
      default -> {}
    }
  }

  /**
   * Applies one character typed while the name filter is edited: Enter applies it, Esc cancels,
   * Backspace deletes, other printable characters are added.
   */
  static void type(MonitorState state, int c) {
    if (c == '\r' || c == '\n') {
      state.nameFilter = state.editing.toString().strip();
      state.editing = null;
      state.selected = 0;
    } else if (c == 27) {
      state.editing = null;
    } else if (c == 127 || c == '\b') {
      if (state.editing.length() > 0) {
        state.editing.setLength(state.editing.length() - 1);
      }
    } else if (c >= ' ' && state.editing.length() < 80) {
      state.editing.appendCodePoint(c);
    }
  }
}
