package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A stripe's owner: one platform thread at a time, and the next one once it has ended. */
class StripesTest {
  private static final int STRIPE = Stripes.COUNT - 1;

  @Test
  void aStripeOwnedByALiveThreadIsNotTakenAndOneWhoseOwnerEndedIs() throws Exception {
    CountDownLatch owning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean firstOwned = new AtomicBoolean();
    Thread first =
        new Thread(
            () -> {
              Stripes.own(STRIPE);
              firstOwned.set(Stripes.ownedByCurrentThread(STRIPE));
              owning.countDown();
              await(release);
            });
    first.start();
    assertThat(owning.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(firstOwned).isTrue();
    assertThat(ownsAfterTaking()).isFalse(); // the owner still lives
    assertThat(Stripes.ownedByCurrentThread(STRIPE)).isFalse(); // nor is it this thread's

    release.countDown();
    first.join(30_000);
    assertThat(first.isAlive()).isFalse();
    assertThat(ownsAfterTaking()).isTrue(); // the owner has ended: the next one to take it owns it
  }

  /** Whether a new platform thread that takes {@link #STRIPE} then owns it. */
  private static boolean ownsAfterTaking() throws InterruptedException {
    AtomicBoolean owned = new AtomicBoolean();
    Thread taker =
        new Thread(
            () -> {
              Stripes.ownIfUnowned(STRIPE);
              owned.set(Stripes.ownedByCurrentThread(STRIPE));
            });
    taker.start();
    taker.join(30_000);
    return owned.get();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
