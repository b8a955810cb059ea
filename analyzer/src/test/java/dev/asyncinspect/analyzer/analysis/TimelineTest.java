package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final long NOW = 1_000;

  /**
   * A SYNC pipeline (#1, thread 7) starts an ASYNC fetch (#2), whose method hands work to a pool
   * (#3, SPAWNED), returns and suspends; the pipeline waits for it and completes.
   */
  private static Dump fanOut() {
    DumpBuilder dump =
        new DumpBuilder(NOW)
            .method(1, "Shop.pipeline", TaskKind.SYNC)
            .method(2, "Shop.fetch", TaskKind.ASYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 42);
    dump.task(1, 1).ran(0, 100).startThread(7);
    dump.task(2, 2).async().parent(1).ran(10, 70).startThread(7);
    dump.task(3, 2).spawned().parent(2).ran(11, 60).startThread(7);
    return dump.event(0, 1, TaskState.RUNNING)
        .event(10, 2, TaskState.RUNNING)
        .event(11, 3, TaskState.QUEUED)
        .event(12, 2, TaskState.SUSPENDED)
        .event(20, 3, TaskState.RUNNING)
        .blocked(50, 1, 1)
        .event(60, 3, TaskState.COMPLETED)
        .event(70, 2, TaskState.COMPLETED)
        .event(80, 1, TaskState.RUNNING)
        .event(100, 1, TaskState.COMPLETED)
        .build();
  }

  @Test
  void segmentsOfAFinishedFanOut() {
    Timeline timeline = Timeline.of(fanOut());

    assertThat(timeline.historyComplete()).isTrue();
    assertThat(timeline.start()).isZero();
    assertThat(timeline.end()).isEqualTo(NOW);
    assertThat(timeline.tasks()).extracting(TaskTimeline::id).containsExactly(1L, 2L, 3L);

    TaskTimeline pipeline = timeline.task(1).orElseThrow();
    assertThat(pipeline.start()).isZero();
    assertThat(pipeline.end()).isEqualTo(100);
    assertThat(pipeline.truncated()).isFalse();
    assertThat(pipeline.open()).isFalse();
    assertThat(pipeline.segments())
        .extracting(s -> s.state() + " " + s.start() + "-" + s.end() + " on " + s.thread())
        .containsExactly("RUNNING 0-50 on 7", "BLOCKED 50-80 on 7", "RUNNING 80-100 on 7");
    TimelineAwait await = pipeline.segments().get(1).await();
    assertThat(await.location()).isEqualTo("Shop.java:42");
    assertThat(await.operation()).isEqualTo("CompletableFuture.join");
    assertThat(await.object()).as("past waits have no object in the dump").isNull();

    assertThat(timeline.task(2).orElseThrow().segments())
        .extracting(s -> s.state() + " " + s.start() + "-" + s.end() + " on " + s.thread())
        .containsExactly("RUNNING 10-12 on 7", "SUSPENDED 12-70 on null");
    assertThat(timeline.task(3).orElseThrow().segments())
        .as("a finished SPAWNED task's worker thread is unknown")
        .extracting(s -> s.state() + " " + s.start() + "-" + s.end() + " on " + s.thread())
        .containsExactly("QUEUED 11-20 on null", "RUNNING 20-60 on null");

    assertThat(timeline.relations())
        .containsExactly(
            new TaskRelation(TaskRelation.Kind.PARENT_OF, 1, 2, 10, null),
            new TaskRelation(TaskRelation.Kind.PARENT_OF, 2, 3, 11, null));
  }

  @Test
  void liveTasksEndAtTheDumpAndTheCurrentWaitNamesItsObjectAndProducer() {
    DumpBuilder builder =
        new DumpBuilder(NOW)
            .method(1, "Shop.pipeline", TaskKind.SYNC)
            .method(2, "Shop.fetch", TaskKind.ASYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 42)
            .future(5, 2L, 1)
            .object(derived(6, 5));
    builder.task(1, 1).live(TaskState.BLOCKED, 0, 300).awaiting(1, 6, 300).thread(9).startThread(9);
    builder
        .task(2, 2)
        .async()
        .parent(1)
        .live(TaskState.SUSPENDED, 100, 200)
        .future(5)
        .startThread(9);
    Dump dump =
        builder
            .event(0, 1, TaskState.RUNNING)
            .event(100, 2, TaskState.RUNNING)
            .event(200, 2, TaskState.SUSPENDED)
            .blocked(300, 1, 1)
            .build();

    Timeline timeline = Timeline.of(dump);

    TaskTimeline pipeline = timeline.task(1).orElseThrow();
    assertThat(pipeline.open()).isTrue();
    assertThat(pipeline.end()).isEqualTo(NOW);
    StateSegment blocked = pipeline.segments().get(1);
    assertThat(blocked.state()).isEqualTo(TaskState.BLOCKED);
    assertThat(blocked.end()).isEqualTo(NOW);
    assertThat(blocked.thread()).isEqualTo(9L);
    assertThat(blocked.await().objectLabel()).isEqualTo("CompletableFuture@f6");
    assertThat(timeline.task(2).orElseThrow().segments())
        .extracting(s -> s.state() + " " + s.start() + "-" + s.end())
        .containsExactly("RUNNING 100-200", "SUSPENDED 200-1000");
    assertThat(timeline.relations())
        .as("through the derived future to the producer of its source")
        .containsExactly(
            new TaskRelation(TaskRelation.Kind.PARENT_OF, 1, 2, 100, null),
            new TaskRelation(TaskRelation.Kind.WAITS_FOR, 1, 2, 300, 6));
  }

  @Test
  void aTaskWhoseFirstEventsWereDroppedStartsAtItsFirstKnownEvent() {
    DumpBuilder builder =
        new DumpBuilder(NOW).method(1, "Shop.pipeline", TaskKind.SYNC).droppedEvents(40);
    builder.task(1, 1).ran(0, 500);
    builder.task(2, 1).ran(5, 50);
    Dump dump = builder.event(200, 1, TaskState.RUNNING).event(500, 1, TaskState.COMPLETED).build();

    Timeline timeline = Timeline.of(dump);

    assertThat(timeline.historyComplete()).isFalse();
    TaskTimeline late = timeline.task(1).orElseThrow();
    assertThat(late.truncated()).isTrue();
    assertThat(late.start()).isEqualTo(200);
    assertThat(late.segments()).extracting(StateSegment::start).containsExactly(200L);
    TaskTimeline forgotten = timeline.task(2).orElseThrow();
    assertThat(forgotten.truncated()).isTrue();
    assertThat(forgotten.segments()).isEmpty();
    assertThat(forgotten.start()).isEqualTo(5);
    assertThat(forgotten.end()).isEqualTo(50);
    assertThat(timeline.start()).isEqualTo(5);
  }

  @Test
  void theRecordsStateWinsOverAnOlderLastEvent() {
    DumpBuilder builder = new DumpBuilder(NOW).method(1, "Shop.fetch", TaskKind.ASYNC);
    builder.task(1, 1).async().live(TaskState.SUSPENDED, 0, 400);
    Dump dump = builder.event(0, 1, TaskState.RUNNING).build();

    assertThat(Timeline.of(dump).task(1).orElseThrow().segments())
        .extracting(s -> s.state() + " " + s.start() + "-" + s.end() + " on " + s.thread())
        .containsExactly("RUNNING 0-400 on 1", "SUSPENDED 400-1000 on null");
  }

  @Test
  void aLiveTaskWithNoEventsHasItsCurrentStateFromTheRecord() {
    DumpBuilder builder = new DumpBuilder(NOW).method(1, "Shop.pipeline", TaskKind.SYNC);
    builder.task(1, 1).live(TaskState.RUNNING, 100, 100).thread(3);
    Dump dump = builder.build();

    TaskTimeline task = Timeline.of(dump).task(1).orElseThrow();
    assertThat(task.truncated()).isFalse();
    assertThat(task.segments())
        .containsExactly(new StateSegment(TaskState.RUNNING, 100, NOW, 3L, null));
  }

  @Test
  void anEmptyDumpHasAnEmptyTimelineAtTheDumpsMoment() {
    Timeline timeline = Timeline.of(new DumpBuilder(NOW).build());
    assertThat(timeline.tasks()).isEmpty();
    assertThat(timeline.relations()).isEmpty();
    assertThat(timeline.start()).isEqualTo(NOW);
    assertThat(timeline.end()).isEqualTo(NOW);
  }

  private static ObjectInfo derived(int id, int source) {
    return new ObjectInfo(
        id,
        ObjectKind.FUTURE,
        "java.util.concurrent.CompletableFuture",
        "f" + id,
        false,
        null,
        null,
        List.of(),
        null,
        null,
        List.of(1L),
        List.of(source),
        null);
  }
}
