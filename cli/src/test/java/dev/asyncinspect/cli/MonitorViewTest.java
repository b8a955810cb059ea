package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorViewTest {
  private static final long TEN_SECONDS = 10_000_000_000L;
  private static final String FOOTER =
      "q quit  h help  s sort:time  f all  / name  Enter details  p pause  d dump";

  @TempDir Path dir;
  private Dump service;
  private final MonitorState state = new MonitorState();

  @BeforeEach
  void readService() {
    service = MonitorDumps.read(dir, MonitorDumps.SERVICE);
  }

  private List<AttributedString> styled(Dump dump, int columns, int rows) {
    return new MonitorView(TEN_SECONDS).render(dump, state, columns, rows);
  }

  private List<String> render(Dump dump, int columns, int rows) {
    return styled(dump, columns, rows).stream().map(AttributedString::toString).toList();
  }

  /** {@code lines}, then empty lines up to {@code rows - 1}, then {@code footer}. */
  private static List<String> screen(int rows, String footer, String... lines) {
    List<String> screen = new ArrayList<>(List.of(lines));
    screen.addAll(Collections.nCopies(rows - 1 - lines.length, ""));
    screen.add(footer);
    return screen;
  }

  @Test
  void tableAt80x24() {
    assertThat(render(service, 80, 24))
        .containsExactlyElementsOf(
            screen(
                24,
                FOOTER,
                "async-inspect monitor  pid 4242  demo.OrderService",
                "4 live:  1 RUNNING  1 BLOCKED  1 SUSPENDED  1 QUEUED",
                "! 1 task stuck (waiting 10s or more)",
                "    ID NAME                   STATE     IN STATE AWAIT AT             THREAD",
                "    #1 UserService.loadProfi\u2026 BLOCKED        12s UserService.java:28  loader",
                "    #4 CompletableFuture.sup\u2026 QUEUED        3.0s -                    -",
                "    #2 UserService.fetchUser  SUSPENDED     1.0s -                    -",
                "    #3 Worker.run             RUNNING      500ms -                    pool-1-th\u2026"));
  }

  @Test
  void tableAt120x40GivesTheWidthToNameAwaitAndThread() {
    assertThat(render(service, 120, 40))
        .containsExactlyElementsOf(
            screen(
                40,
                FOOTER,
                "async-inspect monitor  pid 4242  demo.OrderService",
                "4 live:  1 RUNNING  1 BLOCKED  1 SUSPENDED  1 QUEUED",
                "! 1 task stuck (waiting 10s or more)",
                "    ID NAME                                   STATE     IN STATE AWAIT AT"
                    + "                             THREAD",
                "    #1 UserService.loadProfile                BLOCKED        12s"
                    + " UserService.java:28                  loader",
                "    #4 CompletableFuture.supplyAsync at Work\u2026 QUEUED        3.0s -"
                    + " ".repeat(36)
                    + "-",
                "    #2 UserService.fetchUser                  SUSPENDED     1.0s -"
                    + " ".repeat(36)
                    + "-",
                "    #3 Worker.run                             RUNNING      500ms -"
                    + "                                    pool-1-thread-1"));
  }

  @Test
  void everyLineFitsTheWidthAndTheScreenTheHeight() {
    for (int[] size : new int[][] {{80, 24}, {120, 40}, {40, 10}, {20, 5}}) {
      List<String> lines = render(service, size[0], size[1]);
      assertThat(lines).hasSize(size[1]);
      assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(size[0]));
    }
  }

  @Test
  void sortCyclesThroughTheColumns() {
    assertThat(ids(render(service, 80, 24))).containsExactly("#1", "#4", "#2", "#3");
    state.nextSort();
    assertThat(state.sort).isEqualTo(MonitorState.SortColumn.ID);
    assertThat(ids(render(service, 80, 24))).containsExactly("#1", "#2", "#3", "#4");
    state.nextSort();
    assertThat(ids(render(service, 80, 24))).containsExactly("#4", "#2", "#1", "#3");
    state.nextSort();
    assertThat(ids(render(service, 80, 24))).containsExactly("#4", "#3", "#1", "#2");
    state.nextSort();
    // Tasks without a thread ("-") sort first, then by thread name, ties by id.
    assertThat(ids(render(service, 80, 24))).containsExactly("#2", "#4", "#1", "#3");
    assertThat(render(service, 80, 24).get(23)).contains("s sort:thread");
    state.nextSort();
    assertThat(state.sort).isEqualTo(MonitorState.SortColumn.TIME);
  }

  @Test
  void stateFilterShowsOneStateAndSaysSo() {
    state.nextStateFilter();
    assertThat(state.stateFilter).isEqualTo(TaskState.RUNNING);
    assertThat(ids(render(service, 80, 24))).containsExactly("#3");
    state.nextStateFilter();
    assertThat(ids(render(service, 80, 24))).containsExactly("#1");
    assertThat(render(service, 80, 24).get(23)).contains("f blocked");
    state.nextStateFilter();
    state.nextStateFilter();
    assertThat(ids(render(service, 80, 24))).containsExactly("#4");
    state.nextStateFilter();
    assertThat(state.stateFilter).isNull();
    assertThat(ids(render(service, 80, 24))).hasSize(4);
  }

  @Test
  void nameFilterIgnoresCase() {
    state.nameFilter = "userservice";
    assertThat(ids(render(service, 80, 24))).containsExactly("#1", "#2");
    assertThat(render(service, 80, 24).get(23)).contains("/ name:userservice");
  }

  @Test
  void emptyTableSaysWhy() {
    state.nameFilter = "nothing like it";
    assertThat(render(service, 80, 24).subList(3, 6))
        .containsExactly(
            "    ID NAME                   STATE     IN STATE AWAIT AT             THREAD",
            "  no live task matches the filters",
            "");
    Dump idle = MonitorDumps.read(dir, List.of(MonitorDumps.HEADER));
    state.nameFilter = "";
    assertThat(render(idle, 80, 24).subList(1, 5))
        .containsExactly(
            "4 live:  0 RUNNING  0 BLOCKED  0 SUSPENDED  0 QUEUED".replace("4 live", "0 live"),
            "",
            "    ID NAME                   STATE     IN STATE AWAIT AT             THREAD",
            "  no live task");
  }

  @Test
  void longNamesAreCutWithAnEllipsisAndAwaitPointsKeepTheirLine() {
    List<String> lines = new ArrayList<>(MonitorDumps.SERVICE);
    lines.set(
        4,
        lines.get(4).replace("UserService.java", "AVeryLongNameForAServiceClassThatGoesOn.java"));
    lines.set(7, lines.get(7).replace("UserService.loadProfile", "x".repeat(200)));
    String row = render(MonitorDumps.read(dir, lines), 80, 24).get(4);
    assertThat(row)
        .isEqualTo(
            "    #1 xxxxxxxxxxxxxxxxxxxxx\u2026 BLOCKED        12s \u2026sThatGoesOn.java:28 loader");
  }

  @Test
  void selectedRowIsInverseAndScrollsIntoView() {
    state.selected = 3;
    List<AttributedString> lines = styled(service, 80, 7); // room for two rows
    assertThat(lines.stream().map(AttributedString::toString).toList())
        .containsExactly(
            "async-inspect monitor  pid 4242  demo.OrderService",
            "4 live:  1 RUNNING  1 BLOCKED  1 SUSPENDED  1 QUEUED",
            "! 1 task stuck (waiting 10s or more)",
            "    ID NAME                   STATE     IN STATE AWAIT AT             THREAD",
            "    #2 UserService.fetchUser  SUSPENDED     1.0s -                    -",
            "    #3 Worker.run             RUNNING      500ms -                    pool-1-th\u2026",
            FOOTER);
    assertThat(lines.get(5).styleAt(0)).isEqualTo(AttributedStyle.INVERSE);
    assertThat(lines.get(4).styleAt(0)).isEqualTo(AttributedStyle.DEFAULT);
  }

  @Test
  void selectionStaysWithinTheRows() {
    state.selected = 9;
    render(service, 80, 24);
    assertThat(state.selected).isEqualTo(3);
    state.move(-10, 4);
    assertThat(state.selected).isZero();
  }

  @Test
  void warnsOfDeadlocksWithTheirTasks() {
    List<String> lines = new ArrayList<>(List.of(MonitorDumps.HEADER));
    lines.add(MonitorDumps.method(1, "Bank", "transfer", "SYNC", "Bank.java"));
    lines.add(
        "{\"type\":\"awaitPoint\",\"id\":1,\"method\":1,\"file\":\"Bank.java\",\"line\":41,"
            + "\"operation\":\"ReentrantLock.lock\",\"kind\":\"LOCK\",\"timed\":false}");
    for (int id = 1; id <= 2; id++) {
      lines.add(MonitorDumps.thread(20 + id, "teller-" + id));
      lines.add(
          MonitorDumps.task(
                  id, 1, "Bank.transfer", "SYNC", "BLOCKED", 19_000_000_000L, null, 20L + id)
              .replace(
                  "}",
                  ",\"await\":{\"point\":1,\"object\":"
                      + id
                      + ",\"since\":0},"
                      + "\"holds\":["
                      + (3 - id)
                      + "]}"));
    }
    for (int id = 1; id <= 2; id++) {
      lines.add(
          "{\"type\":\"object\",\"id\":"
              + id
              + ",\"kind\":\"LOCK\","
              + "\"class\":\"java.util.concurrent.locks.ReentrantLock\",\"identity\":\"ab"
              + id
              + "\",\"holders\":["
              + (3 - id)
              + "],\"waiters\":["
              + id
              + "]}");
    }
    Dump bank = MonitorDumps.read(dir, lines);
    assertThat(render(bank, 80, 24).get(2)).isEqualTo("! 1 deadlock: #1 #2");
    assertThat(styled(bank, 80, 24).get(2).styleAt(0))
        .isEqualTo(AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    state.details = 1L;
    assertThat(render(bank, 80, 24).subList(9, 13))
        .containsExactly(
            "wait chain:",
            "  waits on ReentrantLock@ab1 at Bank.java:41",
            "  held by #2 Bank.transfer BLOCKED 1.0s",
            "  waits on ReentrantLock@ab2 at Bank.java:41");
    assertThat(render(bank, 80, 24).get(13))
        .isEqualTo("  held by #1 Bank.transfer BLOCKED 1.0s: a deadlock");
  }

  @Test
  void detailsShowWhereTheTaskWaitsItsChainFamilyAndHistory() {
    state.details = 1L;
    assertThat(render(service, 80, 24))
        .containsExactlyElementsOf(
            screen(
                24,
                "Esc back  d dump  q quit",
                "async-inspect monitor  pid 4242  demo.OrderService",
                "4 live:  1 RUNNING  1 BLOCKED  1 SUSPENDED  1 QUEUED",
                "! 1 task stuck (waiting 10s or more)",
                "Task #1",
                "  #1 UserService.loadProfile BLOCKED 12s  SYNC",
                "  await at UserService.java:28",
                "  thread loader",
                "  parent -",
                "  children #2 UserService.fetchUser SUSPENDED 1.0s",
                "wait chain:",
                "  waits on CompletableFuture@5e9f23b4 at UserService.java:28",
                "  to be completed by #2 UserService.fetchUser SUSPENDED 1.0s",
                "state history:",
                "  started 19s ago",
                "  RUNNING 19s ago",
                "  BLOCKED at UserService.java:28 12s ago",
                "  BLOCKED since 12s ago"));
  }

  @Test
  void detailsOfAChildNameItsParentAndOfAFinishedTaskSaySo() {
    state.details = 2L;
    assertThat(render(service, 80, 24).subList(4, 12))
        .containsExactly(
            "  #2 UserService.fetchUser SUSPENDED 1.0s  ASYNC",
            "  await at -",
            "  thread -",
            "  parent #1 UserService.loadProfile BLOCKED 12s",
            "  children -",
            "wait chain:",
            "  -",
            "state history:");
    state.details = 5L;
    assertThat(render(service, 80, 24).get(4))
        .isEqualTo("  #5 has finished: it is not among the live tasks any more");
  }

  @Test
  void helpListsTheKeys() {
    state.help = true;
    List<String> lines = render(service, 80, 24);
    assertThat(lines.get(3)).isEqualTo("Keys");
    assertThat(lines.subList(4, 14)).allSatisfy(line -> assertThat(line).startsWith("  "));
    assertThat(String.join("\n", lines))
        .contains("  q         quit", "  s         sort", "  f         show only one state")
        .contains(
            "  /         filter by name", "  p         pause", "  d         write a full dump");
    assertThat(lines.get(23)).isEqualTo("Esc back  q quit");
  }

  @Test
  void footerShowsTheNameBeingTypedAndMessages() {
    state.editing = new StringBuilder("load");
    assertThat(render(service, 80, 24).get(23))
        .isEqualTo("name filter: load_   Enter apply  Esc cancel");
    state.editing = null;
    state.message = "wrote async-inspect-4242.aidump.jsonl";
    assertThat(render(service, 80, 24).get(23)).isEqualTo(state.message);
    state.message = null;
    state.paused = true;
    assertThat(render(service, 80, 24).get(0)).endsWith("  PAUSED");
  }

  @Test
  void stuckTimesAreRedAndStatesColoured() {
    state.selected = 3; // the selected row is inverse, whatever its colours
    List<AttributedString> lines = styled(service, 80, 24);
    AttributedString blocked = lines.get(4);
    int stateColumn = 30;
    int timeColumn = 45;
    assertThat(blocked.styleAt(stateColumn))
        .isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
    assertThat(blocked.styleAt(timeColumn))
        .isEqualTo(AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    assertThat(lines.get(5).styleAt(stateColumn))
        .isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    assertThat(lines.get(5).styleAt(timeColumn)).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(lines.get(7).styleAt(stateColumn))
        .isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN).inverse());
  }

  @Test
  void thresholdFromTheJvmDecidesWhatIsStuck() {
    List<String> lines =
        new MonitorView(2_000_000_000L)
            .render(service, state, 80, 24).stream().map(AttributedString::toString).toList();
    assertThat(lines.get(2)).isEqualTo("! 2 tasks stuck (waiting 2.0s or more)");
  }

  private static List<String> ids(List<String> screen) {
    List<String> ids = new ArrayList<>();
    for (String line : screen.subList(4, screen.size() - 1)) {
      if (line.startsWith("    #") || line.startsWith("   #")) {
        ids.add(line.strip().split(" ")[0]);
      }
    }
    return ids;
  }
}
