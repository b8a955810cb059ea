package dev.asyncinspect.analyzer.analysis;

import static dev.asyncinspect.analyzer.analysis.ShopDump.MS;
import static dev.asyncinspect.analyzer.analysis.ShopDump.US;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.Histogram;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void percentilesFromTheHistogramAreTheHighestValueOfTheirBucketCappedAtTheMax() {
    // 100 durations: 50 near 1000 ns (bucket 35 = 896..1023), 45 near 2000 ns (bucket 39 =
    // 1792..2047), 5 near 10000 ns (bucket 48 = 8192..10239), the longest 10000 ns.
    StatsInfo stats =
        new StatsInfo(
            1,
            100,
            3,
            1,
            150_000,
            10_000,
            100_000,
            30_000,
            20_000,
            new Histogram(
                List.of(
                    new Histogram.Bucket(35, 50),
                    new Histogram.Bucket(39, 45),
                    new Histogram.Bucket(48, 5))));
    DumpBuilder dump = new DumpBuilder(1).method(1, "Repo.load", TaskKind.SYNC).methodStats(stats);
    MethodStatistics method = Statistics.of(dump.build()).methods().get(0);

    assertThat(method.durations())
        .isEqualTo(new DurationSummary(100, 3, 150_000, 1023, 2047, 10_000, 10_000));
    assertThat(method.cancelled()).isEqualTo(1);
    assertThat(method.runningNanos()).isEqualTo(100_000);
    assertThat(method.blockedNanos()).isEqualTo(30_000);
    assertThat(method.suspendedNanos()).isEqualTo(20_000);
    assertThat(method.source()).isEqualTo(StatsSource.AGENT);
  }

  @Test
  void methodsByTotalTime() {
    Statistics stats = Statistics.of(ShopDump.build());
    assertThat(stats.methods())
        .extracting(m -> m.method().task())
        .containsExactly(
            "OrderService.placeOrder",
            "PaymentClient.charge",
            "Inventory.reserve",
            "Audit.record",
            "Mailer.send");
    MethodStatistics placeOrder = stats.methods().get(0);
    assertThat(placeOrder.durations().count()).isEqualTo(3);
    assertThat(placeOrder.durations().failed()).isEqualTo(1);
    assertThat(placeOrder.durations().p50Nanos()).as("bucket 97's highest").isEqualTo(50_331_647);
    assertThat(placeOrder.durations().p99Nanos()).as("capped at the max").isEqualTo(60 * MS);
    assertThat(placeOrder.live()).isEqualTo(1);
  }

  @Test
  void awaitPointsRankedByTimeWaitedIncludingOngoingWaits() {
    List<AwaitPointStatistics> points = Statistics.of(ShopDump.build()).awaitPoints();
    assertThat(points).extracting(p -> p.point().id()).containsExactly(1, 2, 3, 4);
    assertThat(points.get(0).totalWaitedNanos()).isEqualTo(41500 * US);
    AwaitPointStatistics second = points.get(1);
    assertThat(second.waits().count()).isEqualTo(6);
    assertThat(second.waits().failed()).isEqualTo(1);
    assertThat(second.waitingNow()).isEqualTo(1);
    assertThat(second.waitingNanos()).isEqualTo(28 * MS);
    assertThat(second.totalWaitedNanos()).isEqualTo(1600 * US + 28 * MS);
    assertThat(second.method().task()).isEqualTo("OrderService.placeOrder");
  }

  @Test
  void withoutAgentStatisticsMethodsComeFromTheFinishedTasks() {
    DumpBuilder dump = new DumpBuilder(1000).method(1, "Repo.load", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 100).times(2, 100, 0, 0);
    dump.task(2, 1).ran(0, 300).times(4, 100, 200, 0).state(TaskState.FAILED);
    dump.task(3, 1).ran(0, 200).times(2, 200, 0, 0).state(TaskState.CANCELLED);
    dump.task(4, 1).live(TaskState.RUNNING, 500, 500);
    MethodStatistics method = Statistics.of(dump.build()).methods().get(0);

    // 100 is in bucket 22 (96..111), 200 in 26 (192..223), 300 in 28 (256..319); the 95th and
    // 99th percentiles fall in bucket 28, whose 319 is capped at the longest duration, 300.
    assertThat(method.durations()).isEqualTo(new DurationSummary(3, 1, 600, 223, 300, 300, 300));
    assertThat(method.cancelled()).isEqualTo(1);
    assertThat(method.runningNanos()).isEqualTo(400);
    assertThat(method.blockedNanos()).isEqualTo(200);
    assertThat(method.live()).isEqualTo(1);
    assertThat(method.source()).isEqualTo(StatsSource.DUMP);
  }

  @Test
  void withoutAgentStatisticsAwaitPointsComeFromTheEventHistory() {
    DumpBuilder dump =
        new DumpBuilder(1000)
            .method(1, "Repo.load", TaskKind.SYNC)
            .point(1, 1, "Lock.lock", AwaitKind.LOCK, 3);
    dump.blocked(10, 1, 1).event(15, 1, TaskState.RUNNING);
    dump.blocked(20, 2, 1).blocked(21, 3, 1).event(40, 2, TaskState.RUNNING);
    dump.event(41, 3, TaskState.FAILED);
    AwaitPointStatistics point = Statistics.of(dump.build()).awaitPoints().get(0);

    // Waits of 5, 20 and 20 ns; 20 is in bucket 13 (20..23), capped at the longest, 20.
    assertThat(point.waits()).isEqualTo(new DurationSummary(3, 0, 45, 20, 20, 20, 20));
    assertThat(point.source()).isEqualTo(StatsSource.DUMP);
  }

  @Test
  void emptyDump() {
    Statistics stats = Statistics.of(new DumpBuilder(0).build());
    assertThat(stats.methods()).isEmpty();
    assertThat(stats.awaitPoints()).isEmpty();
  }
}
