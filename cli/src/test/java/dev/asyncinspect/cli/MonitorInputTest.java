package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorInputTest {
  @TempDir Path dir;
  private final MonitorState state = new MonitorState();
  private List<TaskInfo> rows;

  @BeforeEach
  void rows() {
    Dump dump = MonitorDumps.read(dir, MonitorDumps.SERVICE);
    rows = MonitorRows.of(dump, state); // #1, #4, #2, #3 by time in state
  }

  private MonitorInput.Effect press(MonitorKey key) {
    return MonitorInput.apply(state, key, rows);
  }

  @Test
  void quitAndDumpAreLeftToTheLoop() {
    assertThat(press(MonitorKey.QUIT)).isEqualTo(MonitorInput.Effect.QUIT);
    assertThat(press(MonitorKey.DUMP)).isEqualTo(MonitorInput.Effect.WRITE_DUMP);
    assertThat(press(MonitorKey.SORT)).isEqualTo(MonitorInput.Effect.REDRAW);
  }

  @Test
  void enterShowsTheSelectedTaskAndEscGoesBack() {
    press(MonitorKey.DOWN);
    press(MonitorKey.DOWN);
    press(MonitorKey.UP);
    assertThat(state.selected).isEqualTo(1);
    press(MonitorKey.DETAILS);
    assertThat(state.details).isEqualTo(4L);
    press(MonitorKey.BACK);
    assertThat(state.details).isNull();
  }

  @Test
  void selectionStopsAtTheEnds() {
    press(MonitorKey.UP);
    assertThat(state.selected).isZero();
    for (int i = 0; i < 10; i++) {
      press(MonitorKey.DOWN);
    }
    assertThat(state.selected).isEqualTo(3);
  }

  @Test
  void helpTogglesAndEscClosesIt() {
    press(MonitorKey.HELP);
    assertThat(state.help).isTrue();
    press(MonitorKey.DETAILS); // Enter does nothing on the help
    assertThat(state.details).isNull();
    press(MonitorKey.HELP);
    assertThat(state.help).isFalse();
    press(MonitorKey.HELP);
    press(MonitorKey.BACK);
    assertThat(state.help).isFalse();
  }

  @Test
  void pauseTogglesAndAKeyClearsTheMessage() {
    state.message = "wrote x";
    press(MonitorKey.PAUSE);
    assertThat(state.paused).isTrue();
    assertThat(state.message).isNull();
    press(MonitorKey.PAUSE);
    assertThat(state.paused).isFalse();
  }

  @Test
  void sortAndStateFilterCycle() {
    press(MonitorKey.SORT);
    assertThat(state.sort).isEqualTo(MonitorState.SortColumn.ID);
    state.selected = 2;
    press(MonitorKey.STATE_FILTER);
    assertThat(state.stateFilter).isEqualTo(TaskState.RUNNING);
    assertThat(state.selected).isZero();
  }

  @Test
  void nameFilterIsTypedThenAppliedOrCancelled() {
    press(MonitorKey.NAME_FILTER);
    for (char c : "Usr".toCharArray()) {
      MonitorInput.type(state, c);
    }
    MonitorInput.type(state, 127); // Backspace
    MonitorInput.type(state, 'e');
    MonitorInput.type(state, 1); // a control character is ignored
    assertThat(state.editing).hasToString("Use");
    MonitorInput.type(state, '\r');
    assertThat(state.editing).isNull();
    assertThat(state.nameFilter).isEqualTo("Use");

    press(MonitorKey.NAME_FILTER);
    assertThat(state.editing).hasToString("Use");
    MonitorInput.type(state, 'x');
    MonitorInput.type(state, 27); // Esc
    assertThat(state.editing).isNull();
    assertThat(state.nameFilter).isEqualTo("Use");
  }

  @Test
  void enterOnAnEmptyTableDoesNothing() {
    MonitorInput.apply(state, MonitorKey.DETAILS, List.of());
    assertThat(state.details).isNull();
  }

  @Test
  void replayKeysMoveThroughTheHistoryAndPPlays() throws Exception {
    state.replay = new ReplayCursor(ReplayHistory.of(MonitorDumps.read(dir, ReplayDumps.HISTORY)));
    press(MonitorKey.STEP_FORWARD);
    press(MonitorKey.STEP_FORWARD);
    assertThat(state.replay.position()).isEqualTo(3);
    press(MonitorKey.STEP_BACK);
    assertThat(state.replay.position()).isEqualTo(2);
    press(MonitorKey.TO_END);
    assertThat(state.replay.position()).isEqualTo(7);
    press(MonitorKey.LARGE_BACK);
    assertThat(state.replay.position()).isEqualTo(1);
    press(MonitorKey.LARGE_FORWARD);
    assertThat(state.replay.position()).isEqualTo(7);
    press(MonitorKey.TO_START);
    assertThat(state.replay.position()).isEqualTo(1);
    press(MonitorKey.FASTER);
    press(MonitorKey.FASTER);
    assertThat(state.replay.speed()).isEqualTo("4x");
    press(MonitorKey.SLOWER);
    assertThat(state.replay.speed()).isEqualTo("2x");
    press(MonitorKey.PAUSE);
    assertThat(state.replay.playing()).isTrue();
    assertThat(state.paused).isFalse();
    press(MonitorKey.PAUSE);
    assertThat(state.replay.playing()).isFalse();
    // A replay has no JVM to write a dump of.
    assertThat(press(MonitorKey.DUMP)).isEqualTo(MonitorInput.Effect.REDRAW);
    assertThat(state.message).isEqualTo("d writes a dump of a live JVM; this is a replay of one");
  }

  @Test
  void replayKeysDoNothingLive() {
    assertThat(press(MonitorKey.STEP_FORWARD)).isEqualTo(MonitorInput.Effect.REDRAW);
    assertThat(press(MonitorKey.TO_END)).isEqualTo(MonitorInput.Effect.REDRAW);
    assertThat(state.replay).isNull();
  }
}
