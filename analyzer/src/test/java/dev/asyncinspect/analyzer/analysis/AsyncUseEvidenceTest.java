package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import org.junit.jupiter.api.Test;

class AsyncUseEvidenceTest {

  private static DumpBuilder oneAsyncMethod() {
    return new DumpBuilder(1000).method(1, "Repo.fetch", TaskKind.ASYNC);
  }

  private static AsyncUse classify(DumpBuilder dump) {
    return AsyncUseEvidence.classify(dump.build()).get(1);
  }

  @Test
  void everyCallReturnedACompletedFuture() {
    DumpBuilder dump = oneAsyncMethod().methodStats(1, 0, 30, 0, 0, 10, 10, 10);
    dump.task(1, 1).async().ran(0, 10); // RUNNING, COMPLETED: 2 transitions
    dump.task(2, 1).async().ran(20, 40).times(4, 15, 5, 0); // with one wait inside
    assertThat(classify(dump)).isEqualTo(AsyncUse.COULD_BE_SYNCHRONOUS);
  }

  @Test
  void aFailedFutureReturnedAtOnceCountsAsCompleted() {
    DumpBuilder dump = oneAsyncMethod();
    dump.task(1, 1).async().ran(0, 10).state(TaskState.FAILED);
    assertThat(classify(dump)).isEqualTo(AsyncUse.COULD_BE_SYNCHRONOUS);
  }

  @Test
  void suspendedTimeInTheStatistics() {
    DumpBuilder dump = oneAsyncMethod().methodStats(1, 0, 10, 0, 5, 10, 5);
    dump.task(1, 1).async().ran(0, 10);
    assertThat(classify(dump)).isEqualTo(AsyncUse.ASYNC_WHERE_NEEDED);
  }

  @Test
  void aLiveSuspendedTask() {
    DumpBuilder dump = oneAsyncMethod().methodStats(1, 0, 30, 0, 0, 10, 10, 10);
    dump.task(1, 1).async().live(TaskState.SUSPENDED, 0, 5);
    assertThat(classify(dump)).isEqualTo(AsyncUse.ASYNC_WHERE_NEEDED);
  }

  @Test
  void anOddTransitionCountMeansASuspensionEvenOfZeroNanos() {
    DumpBuilder dump = oneAsyncMethod();
    dump.task(1, 1).async().ran(0, 10).times(3, 10, 0, 0); // RUNNING, SUSPENDED, COMPLETED
    assertThat(classify(dump)).isEqualTo(AsyncUse.ASYNC_WHERE_NEEDED);
  }

  @Test
  void aSuspendedEventInTheHistory() {
    DumpBuilder dump = oneAsyncMethod();
    dump.task(1, 1).async().live(TaskState.RUNNING, 0, 900);
    dump.task(2, 1).async().ran(0, 10);
    dump.event(0, 1, TaskState.RUNNING).event(5, 1, TaskState.SUSPENDED);
    assertThat(classify(dump)).isEqualTo(AsyncUse.ASYNC_WHERE_NEEDED);
  }

  @Test
  void noCallReturnedYet() {
    DumpBuilder dump = oneAsyncMethod().methodStats(1, 0, 0, 0, 0);
    dump.task(1, 1).async().live(TaskState.BLOCKED, 0, 5);
    assertThat(classify(dump)).isEqualTo(AsyncUse.UNDETERMINED);
  }

  @Test
  void syncMethodsAreNotJudged() {
    DumpBuilder dump = new DumpBuilder(100).method(1, "Repo.load", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 10).times(3, 5, 0, 0);
    assertThat(classify(dump)).isEqualTo(AsyncUse.SYNCHRONOUS);
  }
}
