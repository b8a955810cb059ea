package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventRingTest {

  @Test
  void keepsTheNewestEventsInOrderAndCountsTheOverwritten() {
    EventRing ring = new EventRing(8);
    for (int i = 0; i < 20; i++) {
      ring.record(i * 10L, i, i % 7, i);
    }
    List<Long> seqs = new ArrayList<>();
    ring.forEach(
        (seq, time, task, state, point) -> {
          assertThat(time).isEqualTo(seq * 10);
          assertThat(task).isEqualTo(seq);
          seqs.add(seq);
        });
    assertThat(seqs).containsExactly(12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
    assertThat(ring.overwritten()).isEqualTo(12);
    assertThat(ring.written()).isEqualTo(20);
  }

  @Test
  void aZeroCapacityRingRecordsNothing() {
    EventRing ring = new EventRing(0);
    ring.record(1, 1, 1, 1);
    AtomicLong seen = new AtomicLong();
    ring.forEach((seq, time, task, state, point) -> seen.incrementAndGet());
    assertThat(seen.get()).isZero();
  }

  /**
   * Writers race a reader over a small ring. Each event's fields are derived from one value, so an
   * event read torn (fields of two writes) would break the relation; the reader must never see one.
   */
  @Test
  void readersNeverSeeTornEventsWhileWritersOverwrite() throws Exception {
    EventRing ring = new EventRing(64);
    AtomicBoolean stop = new AtomicBoolean();
    int writers = 2;
    CountDownLatch started = new CountDownLatch(writers);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      long base = (w + 1) * 1_000_000_000L;
      Thread t =
          new Thread(
              () -> {
                started.countDown();
                for (long i = 0; !stop.get(); i++) {
                  long v = base + i;
                  ring.record(v, v * 3, (int) (v % 7), (int) (v % 1000));
                }
              });
      t.start();
      threads.add(t);
    }
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    AtomicLong checked = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
    while (System.nanoTime() < deadline || checked.get() < 1000) {
      ring.forEach(
          (seq, time, task, state, point) -> {
            assertThat(task).isEqualTo(time * 3);
            assertThat(state).isEqualTo((int) (time % 7));
            assertThat(point).isEqualTo((int) (time % 1000));
            checked.incrementAndGet();
          });
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(checked.get()).isGreaterThanOrEqualTo(1000);
  }
}
