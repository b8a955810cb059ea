package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.TaskKind;
import org.junit.jupiter.api.Test;

class TaskIndexTest {

  private static TaskIndex index(long... ids) {
    DumpBuilder dump = new DumpBuilder(100).method(1, "A.run", TaskKind.SYNC);
    for (long id : ids) {
      dump.task(id, 1).ran(0, 1);
    }
    return TaskIndex.of(dump.build());
  }

  @Test
  void denseIds() {
    TaskIndex index = index(3, 4, 6, 5);
    assertThat(index.slot(3)).isZero();
    assertThat(index.slot(5)).isEqualTo(3);
    assertThat(index.slot(2)).isEqualTo(-1);
    assertThat(index.slot(7)).isEqualTo(-1);
    assertThat(index.slot(Long.MIN_VALUE)).isEqualTo(-1);
    assertThat(index.slot(Long.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void denseIdsWithGapsFindNothingInTheGaps() {
    TaskIndex index = index(3, 7, 9);
    assertThat(index.slot(7)).isEqualTo(1);
    assertThat(index.slot(9)).isEqualTo(2);
    assertThat(index.slot(4)).isEqualTo(-1);
    assertThat(index.slot(8)).isEqualTo(-1);
    assertThat(index.slot(10)).isEqualTo(-1);
  }

  @Test
  void sparseIds() {
    TaskIndex index = index(1, 1_000_000_000_000L, Long.MAX_VALUE);
    assertThat(index.slot(1_000_000_000_000L)).isEqualTo(1);
    assertThat(index.slot(Long.MAX_VALUE)).isEqualTo(2);
    assertThat(index.slot(2)).isEqualTo(-1);
    assertThat(index.slot(0)).isEqualTo(-1);
    assertThat(index.slot(-5)).isEqualTo(-1);
    assertThat(index.slot(Long.MIN_VALUE)).isEqualTo(-1);
  }

  @Test
  void theFirstOfTwoTasksWithOneIdWinsAsInTheDump() {
    assertThat(index(7, 8, 7).slot(7)).isZero();
    assertThat(index(7, 1L << 50, 7, 1L << 50).slot(7)).isZero(); // sparse
    assertThat(index(7, 1L << 50, 7, 1L << 50).slot(1L << 50)).isEqualTo(1);
  }

  @Test
  void parentSlots() {
    DumpBuilder dump = new DumpBuilder(100).method(1, "A.run", TaskKind.SYNC);
    dump.task(10, 1).ran(0, 5);
    dump.task(11, 1).parent(10).ran(1, 2);
    dump.task(12, 1).parent(99).ran(1, 2);
    TaskIndex index = TaskIndex.of(dump.build());
    assertThat(index.parentSlot(0)).isEqualTo(-1);
    assertThat(index.parentSlot(1)).isZero();
    assertThat(index.parentSlot(2)).as("a parent the dump lacks").isEqualTo(-1);
  }
}
