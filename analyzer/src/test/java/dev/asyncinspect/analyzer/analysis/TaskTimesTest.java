package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import org.junit.jupiter.api.Test;

class TaskTimesTest {

  @Test
  void selfTimeSubtractsTheUnionOfTheChildrenClippedToTheParent() {
    DumpBuilder builder = new DumpBuilder(1000).method(1, "A.run", TaskKind.SYNC);
    builder.task(1, 1).ran(0, 100);
    builder.task(2, 1).parent(1).ran(30, 60); // overlaps the next one: counted once
    builder.task(3, 1).parent(1).ran(10, 40);
    builder.task(4, 1).parent(1).ran(80, 120); // clipped at the parent's end, 100
    builder.task(5, 1).parent(1).ran(100, 130); // entirely after the parent: nothing
    Dump dump = builder.build();
    TaskTimes times = TaskTimes.of(TaskIndex.of(dump), dump.header().dumpNanos());

    TaskInfo parent = dump.task(1).orElseThrow();
    assertThat(times.inclusive(parent)).isEqualTo(100);
    assertThat(times.self(0)).as("100 - (10..60 + 80..100)").isEqualTo(30);
    assertThat(times.self(3)).isEqualTo(40);
    assertThat(times.wallSpan()).isEqualTo(130);
  }

  @Test
  void aLiveTaskRunsToTheDumpsMoment() {
    DumpBuilder builder = new DumpBuilder(500).method(1, "A.run", TaskKind.SYNC);
    builder.task(1, 1).live(TaskState.RUNNING, 200, 200);
    builder.task(2, 1).parent(1).live(TaskState.BLOCKED, 300, 350);
    Dump dump = builder.build();
    TaskTimes times = TaskTimes.of(TaskIndex.of(dump), dump.header().dumpNanos());

    assertThat(times.inclusive(dump.task(1).orElseThrow())).isEqualTo(300);
    assertThat(times.self(0)).isEqualTo(100);
    assertThat(times.wallSpan()).isEqualTo(300);
  }

  @Test
  void childrenInAnyOrder() {
    DumpBuilder builder = new DumpBuilder(1000).method(1, "A.run", TaskKind.SYNC);
    builder.task(1, 1).ran(0, 1000);
    for (int i = 9; i >= 0; i--) {
      builder.task(100 + i, 1).parent(1).ran(i * 100, i * 100 + 50);
    }
    Dump dump = builder.build();
    assertThat(TaskTimes.of(TaskIndex.of(dump), dump.header().dumpNanos()).self(0)).isEqualTo(500);
  }
}
