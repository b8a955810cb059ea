package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Task ids handed out in blocks per stripe. */
class TaskIdsTest {

  @Test
  void oneThreadNumbersItsTasksOneTwoThreeAcrossBlocks() {
    TaskIds ids = new TaskIds();
    for (long expected = 1; expected <= 3 * TaskIds.BLOCK + 5; expected++) {
      assertThat(ids.next(0)).isEqualTo(expected);
    }
    assertThat(ids.issued()).isEqualTo(3 * TaskIds.BLOCK + 5);
  }

  @Test
  void stripesTakeBlocksOfTheirOwnAndTheCountAddsThemUp() {
    TaskIds ids = new TaskIds();
    int other = Stripes.COUNT > 1 ? 1 : 0;
    assertThat(ids.next(0)).isEqualTo(1);
    long first = ids.next(other);
    assertThat(ids.next(0)).isEqualTo(other == 0 ? 3 : 2);
    assertThat(first).isEqualTo(other == 0 ? 2 : TaskIds.BLOCK + 1);
    assertThat(ids.issued()).isEqualTo(3);
  }

  @Test
  void concurrentThreadsGetUniqueIdsIncreasingAlongEachThreadAndAllCounted() throws Exception {
    TaskIds ids = new TaskIds();
    int threads = 4;
    int each = 50_000;
    long[][] got = new long[threads][each];
    // Two threads per stripe: they race for its blocks.
    Concurrently.run(
        threads,
        t -> {
          for (int i = 0; i < each; i++) {
            got[t][i] = ids.next((t / 2) & Stripes.MASK);
          }
        });

    assertUniqueIncreasingAlongEachThreadAndAllCounted(got, ids);
  }

  @Test
  void theStripesOwnerAndTheThreadsSharingItGetUniqueIdsAndAllAreCounted() throws Exception {
    TaskIds ids = new TaskIds();
    int threads = 3;
    int each = 50_000;
    long[][] got = new long[threads][each];
    Concurrently.run(
        threads,
        t -> {
          if (t == 0) {
            Stripes.own(0); // its ids come from a counter only it writes
          }
          for (int i = 0; i < each; i++) {
            got[t][i] = ids.next(0);
          }
        });

    assertUniqueIncreasingAlongEachThreadAndAllCounted(got, ids);
    // The owner numbers its tasks 1, 2, 3, ... within each block it takes.
    assertThat(got[0][1] - got[0][0]).isEqualTo(1);
  }

  private static void assertUniqueIncreasingAlongEachThreadAndAllCounted(
      long[][] got, TaskIds ids) {
    Set<Long> all = new HashSet<>();
    long count = 0;
    for (long[] mine : got) {
      for (int i = 0; i < mine.length; i++) {
        assertThat(mine[i]).isPositive();
        if (i > 0) {
          assertThat(mine[i]).isGreaterThan(mine[i - 1]);
        }
        all.add(mine[i]);
        count++;
      }
    }
    assertThat(all).hasSize((int) count);
    assertThat(ids.issued()).isEqualTo(count);
  }
}
