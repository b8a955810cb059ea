package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads rich.jsonl, which has every record type and the optional fields the example lacks. */
class DumpReaderRichTest {
  private static Dump dump;

  @BeforeAll
  static void read() throws IOException {
    dump = DumpReader.read(TestDumps.resource("rich.jsonl"));
  }

  @Test
  void readsWithoutWarnings() {
    assertThat(dump.warnings()).isEmpty();
    assertThat(dump.complete()).isTrue();
    assertThat(dump.header().mainClass()).isEqualTo("demo.ShopApp");
    assertThat(dump.header().options()).containsKeys("maxLiveTasks", "errorMessages");
  }

  @Test
  void tasksKeepDumpOrder() {
    assertThat(dump.tasks())
        .extracting(TaskInfo::id)
        .containsExactly(5L, 6L, 7L, 10L, 11L, 12L, 13L, 14L, 15L);
    assertThat(dump.tasksNamed("OrderService.placeOrder"))
        .extracting(TaskInfo::id)
        .containsExactly(5L, 7L, 12L, 15L);
  }

  @Test
  void methodWithoutSourceAndSynchronizedPoint() {
    MethodInfo charge = dump.method(3);
    assertThat(charge.className()).isEqualTo("demo.Billing$Gateway");
    assertThat(charge.file()).isNull();
    assertThat(charge.line()).isNull();

    AwaitPointInfo monitor = dump.awaitPoint(2);
    assertThat(monitor.callee()).isNull();
    assertThat(monitor.kind()).isEqualTo(AwaitKind.MONITOR);
    assertThat(monitor.location()).isEqualTo("?:?");
    assertThat(dump.awaitPoint(3).timed()).isTrue();
  }

  @Test
  void threadsWithLocksAndVirtualThreads() {
    ThreadInfo blocked = dump.thread(32).orElseThrow();
    assertThat(blocked.lock()).isEqualTo("java.lang.Object@3f2a1b");
    assertThat(blocked.lockOwner()).isEqualTo(31L);
    assertThat(blocked.stack())
        .singleElement()
        .hasToString("demo.Billing$Gateway.charge(Unknown Source)");

    ThreadInfo virtual = dump.thread(33).orElseThrow();
    assertThat(virtual.virtual()).isTrue();
    assertThat(virtual.name()).isEmpty();
    assertThat(virtual.daemon()).isNull();
    assertThat(dump.thread(34).orElseThrow().stack()).isEmpty();
  }

  @Test
  void locksHeldAndWaitedOn() {
    TaskInfo reserve = dump.task(10).orElseThrow();
    assertThat(reserve.holds()).containsExactly(2);
    assertThat(reserve.await()).isEqualTo(new AwaitInfo(1, 1, 7_500_000_000L));

    ObjectInfo lock = dump.object(1);
    assertThat(lock.kind()).isEqualTo(ObjectKind.LOCK);
    assertThat(lock.holders()).containsExactly(11L);
    assertThat(lock.waiters()).containsExactly(10L);
    assertThat(lock.locked()).isTrue();
    assertThat(lock.done()).isNull();
    assertThat(dump.object(5).thread()).isEqualTo(34L);
    assertThat(dump.jvmDeadlocks()).containsExactly(new JvmDeadlockInfo(List.of(31L, 32L)));
  }

  @Test
  void waitOnNothing() {
    TaskInfo sleeping = dump.task(13).orElseThrow();
    assertThat(sleeping.await().object()).isNull();
    assertThat(dump.awaitPoint(sleeping.await().point()).kind()).isEqualTo(AwaitKind.SLEEP);
  }

  @Test
  void failureWithCause() {
    TaskInfo failed = dump.task(6).orElseThrow();
    assertThat(failed.state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.state().terminal()).isTrue();
    assertThat(failed.end()).isEqualTo(2_500_000L);

    ErrorInfo error = failed.error();
    assertThat(error).hasToString("java.lang.IllegalStateException: card declined");
    assertThat(error.stack()).hasSize(2);
    assertThat(error.stack().get(1))
        .hasToString("demo.OrderService.lambda$placeOrder$0(OrderService.java:36)");
    assertThat(error.framesOmitted()).isEqualTo(3);
    assertThat(error.cause()).hasToString("java.io.IOException: timeout after 2s");
    assertThat(error.cause().framesOmitted()).isZero();
    assertThat(error.cause().cause()).isNull();

    ErrorInfo cancelled = dump.task(7).orElseThrow().error();
    assertThat(cancelled.message()).isNull();
    assertThat(cancelled).hasToString("java.util.concurrent.CancellationException");
    assertThat(dump.object(4).state()).isEqualTo("CANCELLED");
  }

  @Test
  void statsWithHistograms() {
    StatsInfo placeOrder = dump.methodStats().get(0);
    assertThat(placeOrder.id()).isEqualTo(1);
    assertThat(placeOrder.cancelled()).isEqualTo(1);
    assertThat(placeOrder.histogram().totalCount()).isEqualTo(3);
    assertThat(placeOrder.histogram().buckets())
        .containsExactly(new Histogram.Bucket(75, 2), new Histogram.Bucket(81, 1));
    // 2 of 3 durations lie in [917504, 1048576), the third in [2621440, 3145728), max 3000000.
    assertThat(placeOrder.percentile(50)).isEqualTo(1_048_575L);
    assertThat(placeOrder.percentile(99)).isEqualTo(3_000_000L);

    StatsInfo point = dump.pointStats().get(0);
    assertThat(point.id()).isEqualTo(3);
    assertThat(point.failed()).isEqualTo(1);
    // pointStats have no cancelled or per-state times: they read as 0.
    assertThat(point.cancelled()).isZero();
    assertThat(point.runningNanos()).isZero();
    assertThat(point.histogram().totalCount()).isEqualTo(4);
  }

  @Test
  void eventsWithAGapAndEnd() {
    assertThat(dump.events()).extracting(EventInfo::seq).containsExactly(10L, 11L, 13L, 14L, 15L);
    assertThat(dump.eventsOf(13)).singleElement().extracting(EventInfo::point).isEqualTo(4);
    assertThat(dump.end().dropped())
        .containsEntry("finishedTasks", 2L)
        .containsEntry("events", 10L);
    assertThat(dump.end().totalTasks()).isEqualTo(15);
  }

  @Test
  void modelIsImmutable() {
    assertThatThrownBy(() -> dump.tasks().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> dump.methods().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> dump.task(10).orElseThrow().holds().add(9))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> dump.header().options().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> dump.warnings().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
