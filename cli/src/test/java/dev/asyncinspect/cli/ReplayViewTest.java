package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayViewTest {
  private static final long TEN_SECONDS = 10_000_000_000L;

  @TempDir Path dir;
  private ReplayHistory history;
  private final MonitorState state = new MonitorState();

  @BeforeEach
  void read() throws Exception {
    history = ReplayHistory.of(MonitorDumps.read(dir, ReplayDumps.HISTORY));
    state.replay = new ReplayCursor(history);
  }

  private List<String> render(int columns, int rows) {
    return new MonitorView(TEN_SECONDS)
        .render(state.replay.frame(), history, state, columns, rows).stream()
            .map(AttributedString::toString)
            .toList();
  }

  @Test
  void tableAtTheFirstEventMarksTheTaskWhoseStateIsNotKnown() {
    assertThat(render(100, 10))
        .containsExactly(
            "async-inspect replay  event 1 of 7 at 2.0s (#2 RUNNING)  pid 4242  demo.OrderService",
            "2 live:  1 RUNNING  1 BLOCKED  0 SUSPENDED  0 QUEUED  1 state unknown (history"
                + " dropped)",
            "",
            "    ID NAME                           STATE     IN STATE AWAIT AT                    "
                + " THREAD",
            "    #5 Worker.run                     BLOCKED       1.5s Worker.java:40              "
                + " sleeper",
            "    #2 UserService.fetchUser          RUNNING        0ns -                           "
                + " loader",
            "    #1 UserService.loadProfile        ?                ? ?                           "
                + " ?",
            "",
            "",
            "q quit  h help  Left Right step  p play  + - 1x  Enter details  s sort:time  f all  /"
                + " name");
  }

  @Test
  void aStepForwardShowsTheNextState() {
    state.replay.step(1);
    assertThat(render(100, 10).get(0))
        .isEqualTo(
            "async-inspect replay  event 2 of 7 at 3.0s (#2 SUSPENDED)  pid 4242"
                + "  demo.OrderService");
    assertThat(render(100, 10))
        .contains(
            "    #2 UserService.fetchUser          SUSPENDED      0ns -                           "
                + " -");
    state.replay.step(2);
    assertThat(render(100, 10))
        .contains(
            "4 live:  0 RUNNING  2 BLOCKED  1 SUSPENDED  1 QUEUED",
            "    #1 UserService.loadProfile        BLOCKED        0ns UserService.java:28         "
                + " loader");
    state.replay.toEnd();
    assertThat(render(100, 10))
        .contains(
            "! 1 task stuck (waiting 10s or more)",
            "    #9 (no record in the dump)        RUNNING        0ns -                           "
                + " -");
  }

  @Test
  void detailsTellTheHistoryUpToTheMomentAndWhatWasDropped() {
    state.details = 1L;
    assertThat(render(100, 14))
        .containsSubsequence(
            "Task #1",
            "  #1 UserService.loadProfile ?  SYNC",
            "  its state at this time is not known: the events that would tell were dropped",
            "  from the dump's bounded event history; it is known from its first event on",
            "state history:",
            "  (its first state change is not in the dump's bounded event history)",
            "  started 1.0s ago");
    state.replay.step(3);
    assertThat(render(100, 20))
        .containsSubsequence(
            "  #1 UserService.loadProfile BLOCKED 0ns  SYNC",
            "wait chain:",
            "  waits on CompletableFuture@5e9f23b4 at UserService.java:28",
            "  to be completed by #2 UserService.fetchUser SUSPENDED 5.0s",
            "state history:",
            "  (its first state change is not in the dump's bounded event history)",
            "  started 7.0s ago",
            "  BLOCKED at UserService.java:28 0ns ago",
            "  BLOCKED since 0ns ago");
    state.details = 3L; // QUEUED at 8s: its RUNNING (9s) and COMPLETED (10s) are still to come
    List<String> queued = render(100, 20);
    assertThat(queued).contains("  QUEUED 4.0s ago", "  QUEUED since 4.0s ago");
    assertThat(String.join("\n", queued)).doesNotContain("RUNNING 1").doesNotContain("COMPLETED");
    state.replay.toEnd();
    assertThat(render(100, 20))
        .containsSubsequence(
            "  #3 had finished by this time: COMPLETED",
            "  QUEUED 7.0s ago",
            "  RUNNING 2.0s ago",
            "  COMPLETED 1.0s ago");
    state.details = 9L;
    assertThat(render(100, 20))
        .contains("  (the dump has no record of this task, only these events)");
  }

  @Test
  void helpListsTheReplayKeysAndFooterTheSpeed() {
    state.help = true;
    assertThat(render(100, 30))
        .contains(
            "  Left  ,   back one event          Right  .  forward one event",
            "  PgUp  <   back a large step       PgDn   >  forward a large step",
            "  Home  g   the first event         End    G  the last event",
            "  p  space  play the history from here at the speed, p again to pause",
            "  +  -      play faster, slower (twice, half)",
            "  STATE ?   the task's state then is not known: its earlier events were dropped")
        .doesNotContain("  d         write a full dump to async-inspect-PID.aidump.jsonl");
    state.help = false;
    state.replay.faster();
    state.replay.playOrPause();
    List<String> playing = render(100, 10);
    assertThat(playing.get(0)).endsWith("demo.OrderService  PLAYING 2x");
    assertThat(playing.get(9)).startsWith("q quit  h help  Left Right step  p pause  + - 2x");
  }

  @Test
  void everyLineFitsAnyTerminal() {
    for (int columns : new int[] {20, 80, 200}) {
      for (int rows : new int[] {3, 24}) {
        List<String> screen = render(columns, rows);
        assertThat(screen).hasSize(rows).allMatch(line -> line.length() <= columns);
      }
    }
  }

  @Test
  void theStuckThresholdIsTheAgentsOption() {
    assertThat(MonitorCommand.stuckThreshold(history.dump())).isEqualTo(TEN_SECONDS);
    for (String[] option : new String[][] {{"2m", "120000000000"}, {"50ms", "10000000000"}}) {
      List<String> lines = new java.util.ArrayList<>(ReplayDumps.HISTORY);
      lines.set(
          0,
          lines.get(0).replace("\"options\":{}", "\"options\":{\"stuck\":\"" + option[0] + "\"}"));
      assertThat(MonitorCommand.stuckThreshold(MonitorDumps.read(dir, lines)))
          .as("stuck=%s (the agent ignores less than 100ms)", option[0])
          .isEqualTo(Long.parseLong(option[1]));
    }
  }
}
