package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpFormatException;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFramesTest {
  private static final long SECOND = 1_000_000_000L;

  @TempDir Path dir;
  private Dump dump;
  private ReplayHistory history;

  @BeforeEach
  void read() throws DumpFormatException {
    dump = MonitorDumps.read(dir, ReplayDumps.HISTORY);
    history = ReplayHistory.of(dump);
  }

  private ReplayFrame at(int position) {
    return ReplayFrames.at(history, position, history.timeAt(position));
  }

  /** {@code id -> STATE} of the tasks whose state is known, {@code ?} for the unknown ones. */
  private static Map<Long, String> states(ReplayFrame frame) {
    Map<Long, String> states = new TreeMap<>();
    for (TaskInfo task : frame.dump().tasks()) {
      states.put(task.id(), task.state().name());
    }
    for (TaskInfo task : frame.unknown()) {
      states.put(task.id(), "?");
    }
    return states;
  }

  @Test
  void statesAtEachPosition() {
    assertThat(history.size()).isEqualTo(7);
    // #1 started at 1s, but its RUNNING event was dropped: unknown until its BLOCKED event.
    // #5 has been BLOCKED since 0.5s, before the whole history: its record says so throughout.
    assertThat(states(at(1))).isEqualTo(Map.of(1L, "?", 2L, "RUNNING", 5L, "BLOCKED"));
    assertThat(states(at(2))).isEqualTo(Map.of(1L, "?", 2L, "SUSPENDED", 5L, "BLOCKED"));
    assertThat(states(at(3)))
        .isEqualTo(Map.of(1L, "?", 2L, "SUSPENDED", 3L, "QUEUED", 5L, "BLOCKED"));
    assertThat(states(at(4)))
        .isEqualTo(Map.of(1L, "BLOCKED", 2L, "SUSPENDED", 3L, "QUEUED", 5L, "BLOCKED"));
    assertThat(states(at(5)))
        .isEqualTo(Map.of(1L, "BLOCKED", 2L, "SUSPENDED", 3L, "RUNNING", 5L, "BLOCKED"));
    assertThat(states(at(6)))
        .isEqualTo(Map.of(1L, "BLOCKED", 2L, "SUSPENDED", 3L, "COMPLETED", 5L, "BLOCKED"));
    assertThat(states(at(7)))
        .isEqualTo(
            Map.of(1L, "BLOCKED", 2L, "SUSPENDED", 3L, "COMPLETED", 5L, "BLOCKED", 9L, "RUNNING"));
  }

  @Test
  void theFrameIsAtTheEventsMomentSoTimesInStateCountToIt() {
    ReplayFrame frame = at(2);
    assertThat(frame.time()).isEqualTo(3 * SECOND);
    assertThat(frame.dump().header().dumpNanos()).isEqualTo(3 * SECOND);
    TaskInfo fetchUser = frame.dump().task(2).orElseThrow();
    assertThat(fetchUser.stateSince()).isEqualTo(3 * SECOND);
    assertThat(frame.dump().timeInState(frame.dump().task(5).orElseThrow()))
        .isEqualTo(3 * SECOND - SECOND / 2);
  }

  @Test
  void aTaskFromItsEventKeepsWhatTheDumpCanTell() {
    TaskInfo fetchUser = at(1).dump().task(2).orElseThrow();
    // RUNNING at 2s on the thread that called it (a SYNC or ASYNC task runs on its caller's).
    assertThat(fetchUser.state()).isEqualTo(TaskState.RUNNING);
    assertThat(fetchUser.thread()).isEqualTo(21L);
    assertThat(fetchUser.name()).isEqualTo("UserService.fetchUser");
    assertThat(fetchUser.parent()).isEqualTo(1L);
    // SPAWNED work running at 9s: the dump, written after it finished, does not say where.
    TaskInfo spawned = at(5).dump().task(3).orElseThrow();
    assertThat(spawned.state()).isEqualTo(TaskState.RUNNING);
    assertThat(spawned.thread()).isNull();
    TaskInfo noRecord = at(7).dump().task(9).orElseThrow();
    assertThat(noRecord.name()).isEqualTo(ReplayFrames.NO_RECORD);
    assertThat(noRecord.kind()).isNull();
  }

  @Test
  void aBlockedTaskFromTheRecordKeepsWhatItWaitsOn() {
    TaskInfo loadProfile = at(4).dump().task(1).orElseThrow();
    assertThat(loadProfile.await().point()).isEqualTo(1);
    assertThat(loadProfile.await().object()).isEqualTo(1);
    assertThat(at(4).dump().object(1).waiters()).containsExactly(1L);
  }

  @Test
  void aFutureIsNotDoneBeforeItsProducerFinished() {
    assertThat(at(5).dump().object(2).done()).isFalse();
    assertThat(at(5).dump().object(2).state()).isNull();
    assertThat(at(6).dump().object(2).done()).isTrue();
    assertThat(at(3).dump().object(1).waiters()).as("#1's state is unknown at 4s").isEmpty();
  }

  @Test
  void atTheLastEventTheRecordedTasksAreTheDumpsOwn() {
    ReplayFrame last = at(history.size());
    for (TaskInfo record : dump.tasks()) {
      assertThat(last.dump().task(record.id())).contains(record);
    }
    assertThat(last.unknown()).isEmpty();
  }

  @Test
  void steppingBackAndForthGivesTheSameFrames() {
    ReplayCursor cursor = new ReplayCursor(history);
    List<ReplayFrame> forward = new java.util.ArrayList<>();
    for (int position = 1; position <= history.size(); position++) {
      forward.add(cursor.frame());
      cursor.step(1);
    }
    for (int position = history.size(); position >= 1; position--) {
      ReplayFrame frame = cursor.frame();
      ReplayFrame before = forward.get(position - 1);
      assertThat(frame.position()).isEqualTo(position);
      assertThat(frame.time()).isEqualTo(before.time());
      assertThat(frame.dump().tasks()).isEqualTo(before.dump().tasks());
      assertThat(frame.dump().objects()).isEqualTo(before.dump().objects());
      assertThat(frame.unknown()).isEqualTo(before.unknown());
      cursor.step(-1);
    }
    cursor.toEnd();
    cursor.step(-cursor.largeStep()); // 10 events: back to the first
    assertThat(cursor.position()).isEqualTo(1);
    assertThat(cursor.frame().dump().tasks()).isEqualTo(forward.get(0).dump().tasks());
  }

  @Test
  void historyUpToTheMomentAndWhatWasDropped() {
    assertThat(history.eventsOf(3, 4)).extracting(e -> e.state()).containsExactly(TaskState.QUEUED);
    assertThat(history.eventsOf(3, 6))
        .extracting(e -> e.state())
        .containsExactly(TaskState.QUEUED, TaskState.RUNNING, TaskState.COMPLETED);
    assertThat(history.droppedTransitions(1)).isEqualTo(1);
    assertThat(history.droppedTransitions(2)).isZero();
    assertThat(history.droppedTransitions(5)).isEqualTo(2);
    assertThat(history.droppedTransitions(9)).isEqualTo(-1);
    assertThat(history.droppedBefore()).isEqualTo(5);
  }

  @Test
  void aDumpWithoutEventsIsRefused() {
    Dump snapshot = MonitorDumps.read(dir, ReplayDumps.withoutEvents());
    assertThatThrownBy(() -> ReplayHistory.of(snapshot))
        .isInstanceOf(DumpFormatException.class)
        .hasMessageContaining("nothing to replay: the dump has no event history");
  }
}
