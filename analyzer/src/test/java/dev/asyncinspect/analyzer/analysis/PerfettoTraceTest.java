package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.trace.ChromeTraceRules;
import dev.asyncinspect.analyzer.trace.ChromeTraceRules.Slice;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfettoTraceTest {
  private static final long NOW = 1_000_000;

  /**
   * Task 1 (SYNC, thread 7) starts task 2 (ASYNC) inline, which hands work to a pool (task 3,
   * SPAWNED) and suspends; task 1 waits at Shop.java:42 and ends. Task 4 (SYNC, thread 8) is live,
   * blocked on the future of task 5 (ASYNC, suspended).
   */
  private static Dump shop() {
    DumpBuilder dump =
        new DumpBuilder(NOW)
            .method(1, "Shop.pipeline", TaskKind.SYNC)
            .method(2, "Shop.fetch", TaskKind.ASYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 42)
            .future(9, 5L, 4);
    dump.task(1, 1).ran(0, 100_000).startThread(7);
    dump.task(2, 2).async().parent(1).ran(10_000, 70_000).startThread(7);
    dump.task(3, 2).spawned().parent(2).ran(11_000, 60_000).startThread(7);
    dump.task(4, 1)
        .live(TaskState.BLOCKED, 200_000, 300_000)
        .awaiting(1, 9, 300_000)
        .thread(8)
        .startThread(8);
    dump.task(5, 2).async().parent(4).live(TaskState.SUSPENDED, 250_000, 251_000).startThread(8);
    return dump.event(0, 1, TaskState.RUNNING)
        .event(10_000, 2, TaskState.RUNNING)
        .event(11_000, 3, TaskState.QUEUED)
        .event(12_000, 2, TaskState.SUSPENDED)
        .event(20_000, 3, TaskState.RUNNING)
        .blocked(50_000, 1, 1)
        .event(60_000, 3, TaskState.COMPLETED)
        .event(70_000, 2, TaskState.COMPLETED)
        .event(80_000, 1, TaskState.RUNNING)
        .event(100_000, 1, TaskState.COMPLETED)
        .event(200_000, 4, TaskState.RUNNING)
        .event(250_000, 5, TaskState.RUNNING)
        .event(251_000, 5, TaskState.SUSPENDED)
        .blocked(300_000, 4, 1)
        .build();
  }

  private static ChromeTraceRules trace(Dump dump) {
    ChromeTraceRules trace = ChromeTraceRules.check(PerfettoTrace.text(Timeline.of(dump)));
    assertThat(trace.violations()).isEmpty();
    return trace;
  }

  @Test
  void tasksOnTheirThreadsWithTheirWaitsNested() {
    ChromeTraceRules trace = trace(shop());

    assertThat(trace.root().path("displayTimeUnit").asText()).isEqualTo("ms");
    assertThat(slicesOn(trace, "thread 1/7"))
        .containsExactly(
            "task1 [0.000, 100.000] in null",
            "task2 [10.000, 12.000] in task1",
            "CompletableFuture.join Shop.java:42 [50.000, 80.000] in task1");
    Slice wait = only(trace, "CompletableFuture.join Shop.java:42", "thread 1/7");
    assertThat(wait.args.path("location").asText()).isEqualTo("Shop.java:42");
    assertThat(wait.args.path("operation").asText()).isEqualTo("CompletableFuture.join");
    assertThat(wait.args.path("task").asText()).isEqualTo("#1 task1");
    assertThat(wait.args.has("object")).as("a past wait's object is not in the dump").isFalse();
  }

  @Test
  void stretchesWithoutAThreadOnTheTasksAsyncTrack() {
    ChromeTraceRules trace = trace(shop());

    assertThat(slicesOn(trace, "async 1/task/0x2"))
        .containsExactly("task2 [12.000, 70.000] in null", "SUSPENDED [12.000, 70.000] in task2");
    assertThat(slicesOn(trace, "async 1/task/0x3"))
        .containsExactly(
            "task3 [11.000, 60.000] in null",
            "QUEUED [11.000, 20.000] in task3",
            "RUNNING (thread not in the dump) [20.000, 60.000] in task3");
  }

  @Test
  void arrowsFromParentToChildAndFromWaiterToProducer() {
    ChromeTraceRules trace = trace(shop());

    assertThat(trace.flows())
        .extracting(flow -> flow.from().task() + " -> " + flow.to().task())
        .containsExactlyInAnyOrder(
            "#1 task1 -> #2 task2",
            "#2 task2 -> #3 task3",
            "#4 task4 -> #5 task5",
            "#4 task4 -> #5 task5");
    ChromeTraceRules.Flow toInlineChild =
        trace.flows().stream()
            .filter(flow -> flow.to().task().equals("#2 task2"))
            .findFirst()
            .orElseThrow();
    assertThat(toInlineChild.from().parent.name)
        .as("the tail sits in the parent, not in the child that starts there")
        .isEqualTo("task1");
    assertThat(toInlineChild.to().name).isEqualTo("task2");
    Slice liveWait = only(trace, "CompletableFuture.join Shop.java:42", "thread 1/8");
    assertThat(liveWait.args.path("object").asText()).isEqualTo("CompletableFuture@1009");
    assertThat(liveWait.end).isEqualByComparingTo(new BigDecimal("1000.000"));
  }

  @Test
  void liveAndTruncatedTasksSaySo() {
    DumpBuilder dump = new DumpBuilder(NOW).method(1, "Shop.pipeline", TaskKind.SYNC);
    dump.droppedEvents(10);
    dump.task(1, 1).ran(0, 500).startThread(7);
    dump.task(2, 1).live(TaskState.RUNNING, 100, 600).thread(7).startThread(7);
    ChromeTraceRules trace = trace(dump.event(600, 2, TaskState.RUNNING).build());

    Slice forgotten = only(trace, "task1", "async 1/task/0x1");
    assertThat(forgotten.args.path("states").asText()).contains("no longer");
    Slice live = only(trace, "task2", "thread 1/7");
    assertThat(live.args.path("truncated").asText()).contains("not in the history");
    assertThat(live.args.path("open").asText()).isEqualTo("still live at the dump");
    assertThat(trace.root().path("otherData").path("historyComplete").asBoolean()).isFalse();
  }

  @Test
  void aSliceThatWouldStickOutOfTheOneItStartsInIsCut() {
    DumpBuilder dump = new DumpBuilder(NOW).method(1, "Shop.pipeline", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 100).startThread(7);
    dump.task(2, 1).ran(50, 150).startThread(7);
    ChromeTraceRules trace =
        trace(
            dump.event(0, 1, TaskState.RUNNING)
                .event(50, 2, TaskState.RUNNING)
                .event(100, 1, TaskState.COMPLETED)
                .event(150, 2, TaskState.COMPLETED)
                .build());

    Slice cut = only(trace, "task2", "thread 1/7");
    assertThat(cut.end).isEqualByComparingTo(new BigDecimal("0.100"));
    assertThat(cut.args.path("clipped").asText()).isNotEmpty();
  }

  @Test
  void controlCharactersInNamesBecomeSpaces() {
    DumpBuilder dump = new DumpBuilder(NOW).method(1, "Shop.pipeline", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 100).startThread(7);
    Dump built = dump.event(0, 1, TaskState.RUNNING).build();
    String text = PerfettoTrace.text(Timeline.of(built)).replace("task1", "task\u0001one");

    assertThat(ChromeTraceRules.check(text).violations())
        .as("the rules see a control character")
        .isNotEmpty();
    assertThat(TraceText.clean("a\u0001b\nc\u007f")).isEqualTo("a b c ");
  }

  @Test
  void anEmptyDumpIsAnEmptyButValidTrace() {
    ChromeTraceRules trace = trace(new DumpBuilder(NOW).build());
    assertThat(trace.slices()).isEmpty();
  }

  private static List<String> slicesOn(ChromeTraceRules trace, String track) {
    return trace.slices().stream()
        .filter(slice -> slice.track.equals(track) && !"flow".equals(slice.cat))
        .filter(slice -> !slice.ph.equals("n"))
        .map(
            slice ->
                slice.name
                    + " ["
                    + micros(slice.start)
                    + ", "
                    + micros(slice.end)
                    + "] in "
                    + (slice.parent == null ? null : slice.parent.name))
        .toList();
  }

  private static String micros(BigDecimal value) {
    return value.setScale(3).toPlainString();
  }

  private static Slice only(ChromeTraceRules trace, String name, String track) {
    List<Slice> found =
        trace.slices().stream()
            .filter(slice -> slice.name.equals(name) && slice.track.equals(track))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
