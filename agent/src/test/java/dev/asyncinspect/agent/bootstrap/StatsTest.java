package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Statistics kept in one cell per stripe read as one. */
class StatsTest {

  @Test
  void cellsOfEveryStripeAddUpAndTheMaximumIsTheLargestOfThem() {
    Stats stats = new Stats();
    int stripes = Stripes.COUNT;
    for (int s = 0; s < stripes; s++) {
      stats.recordWait(s, 100 + s, s == 0);
      stats.recordInstantWait(s);
    }

    assertThat(stats.count()).isEqualTo(2L * stripes);
    assertThat(stats.failed()).isEqualTo(1);
    assertThat(stats.totalNanos()).isEqualTo(100L * stripes + (long) stripes * (stripes - 1) / 2);
    assertThat(stats.maxNanos()).isEqualTo(100 + stripes - 1);
    assertThat(stats.bucketCount(0)).isEqualTo(stripes);
  }

  @Test
  void threadsSharingAStripeLoseNoUpdate() throws Exception {
    Stats stats = new Stats();
    int threads = 4;
    int each = 100_000;
    // Two threads on each of two stripes (the same one when there is one).
    Concurrently.run(
        threads,
        t -> {
          for (int i = 0; i < each; i++) {
            stats.recordWait((t % 2) & Stripes.MASK, 3, false);
          }
        });

    assertThat(stats.count()).isEqualTo((long) threads * each);
    assertThat(stats.totalNanos()).isEqualTo(3L * threads * each);
    assertThat(stats.bucketCount(3)).isEqualTo((long) threads * each);
  }

  @Test
  void theStripesOwnerAndTheThreadsSharingItLoseNoUpdate() throws Exception {
    Stats stats = new Stats();
    int threads = 3;
    int each = 100_000;
    // Thread 0 owns stripe 0 (plain stores in its own cell); the others update the shared one.
    CountDownLatch owned = new CountDownLatch(1);
    Concurrently.run(
        threads,
        t -> {
          if (t == 0) {
            Stripes.own(0);
            owned.countDown();
          } else {
            await(owned);
          }
          assertThat(Stripes.ownedByCurrentThread(0)).isEqualTo(t == 0);
          for (int i = 0; i < each; i++) {
            stats.recordWait(0, t == 0 ? 5 : 3, i % 10 == 0);
          }
        });

    assertThat(stats.count()).isEqualTo((long) threads * each);
    assertThat(stats.failed()).isEqualTo((long) threads * each / 10);
    assertThat(stats.totalNanos()).isEqualTo(5L * each + 3L * (threads - 1) * each);
    assertThat(stats.bucketCount(Histogram.bucket(5))).isEqualTo(each);
    assertThat(stats.maxNanos()).isEqualTo(5);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
