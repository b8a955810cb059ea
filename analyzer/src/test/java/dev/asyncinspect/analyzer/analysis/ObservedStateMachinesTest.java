package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.analysis.ObservedState.Id;
import dev.asyncinspect.analyzer.analysis.ObservedState.Kind;
import dev.asyncinspect.analyzer.analysis.ObservedStateMachine.Transition;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedStateMachinesTest {
  private static final Id START = Id.of(Kind.START);
  private static final Id COMPLETED = Id.of(Kind.COMPLETED);
  private static final Id FAILED = Id.of(Kind.FAILED);
  private static final Id SUSPENDED = Id.of(Kind.SUSPENDED);

  /**
   * Three calls of a method with two await points: one waits at 1 then at 2 and completes, one
   * waits at 1 twice (a retry loop) then fails, one is still blocked at 2 at dump time.
   */
  private static DumpBuilder checkout() {
    DumpBuilder dump =
        new DumpBuilder(1_000)
            .method(1, "Shop.checkout", TaskKind.SYNC)
            .point(1, 1, "CompletableFuture.join", AwaitKind.FUTURE, 12)
            .point(2, 1, "ReentrantLock.lock", AwaitKind.LOCK, 14);
    dump.task(1, 1).ran(0, 100).times(6, 0, 0, 0);
    dump.task(2, 1).ran(10, 300).state(TaskState.FAILED).times(6, 0, 0, 0);
    dump.task(3, 1).live(TaskState.BLOCKED, 500, 600).times(4, 0, 0, 0);
    dump.event(0, 1, TaskState.RUNNING)
        .event(10, 2, TaskState.RUNNING)
        .blocked(20, 1, 1) // task 1: start 20ns
        .blocked(30, 2, 1) // task 2: start 20ns
        .event(50, 1, TaskState.RUNNING) // task 1 waited 30ns at 1
        .blocked(60, 1, 2) // task 1 ran 10ns after 1
        .event(90, 1, TaskState.RUNNING) // task 1 waited 30ns at 2
        .event(100, 1, TaskState.COMPLETED) // task 1 ran 10ns after 2
        .event(130, 2, TaskState.RUNNING) // task 2 waited 100ns at 1
        .blocked(150, 2, 1) // task 2 ran 20ns after 1, blocks at 1 again
        .event(250, 2, TaskState.RUNNING) // waited 100ns
        .event(300, 2, TaskState.FAILED) // ran 50ns
        .event(500, 3, TaskState.RUNNING)
        .event(550, 3, TaskState.RUNNING)
        .blocked(560, 3, 1)
        .event(580, 3, TaskState.RUNNING)
        .blocked(600, 3, 2); // task 3 blocked at 2 since 600: 400ns at the dump (1000)
    return dump;
  }

  @Test
  void statesInOrderWithVisitsAndMeanTimesSplitIntoWaitingAndRunning() {
    DumpBuilder dump = checkout();
    ObservedStateMachine machine = ObservedStateMachines.of(dump.build()).get(0);

    assertThat(machine.method().task()).isEqualTo("Shop.checkout");
    assertThat(machine.tasks()).isEqualTo(3);
    // Task 3: 5 events, but the dump says 4 transitions: not its whole history, left out.
    assertThat(machine.observed()).isEqualTo(2);
    assertThat(machine.states())
        .extracting(ObservedState::id)
        .containsExactly(START, Id.await(1), Id.await(2), COMPLETED, FAILED);

    ObservedState start = machine.state(START);
    assertThat(start.visits()).isEqualTo(2);
    assertThat(start.left()).isEqualTo(2);
    assertThat(start.runningNanos()).isEqualTo(40);
    assertThat(start.waitingNanos()).isZero();
    assertThat(start.meanNanos()).isEqualTo(20);

    ObservedState atJoin = machine.state(Id.await(1));
    assertThat(atJoin.point().line()).isEqualTo(12);
    assertThat(atJoin.visits()).isEqualTo(3);
    assertThat(atJoin.left()).isEqualTo(3);
    assertThat(atJoin.waitingNanos()).isEqualTo(30 + 100 + 100);
    assertThat(atJoin.runningNanos()).isEqualTo(10 + 20 + 50);
    assertThat(atJoin.meanWaitingNanos()).isEqualTo(230 / 3);
    assertThat(atJoin.meanNanos()).isEqualTo(310 / 3);

    ObservedState atLock = machine.state(Id.await(2));
    assertThat(atLock.visits()).isEqualTo(1);
    assertThat(atLock.meanNanos()).isEqualTo(40);
    assertThat(atLock.current()).isZero();

    assertThat(machine.state(COMPLETED).visits()).isEqualTo(1);
    assertThat(machine.state(FAILED).visits()).isEqualTo(1);
    assertThat(machine.transitions())
        .containsExactly(
            new Transition(START, Id.await(1), 2),
            new Transition(Id.await(1), Id.await(1), 1),
            new Transition(Id.await(1), Id.await(2), 1),
            new Transition(Id.await(1), FAILED, 1),
            new Transition(Id.await(2), COMPLETED, 1));
  }

  @Test
  void aLiveTaskCountsInItsCurrentStateWithItsTimeSoFarNotInTheMeans() {
    DumpBuilder dump = checkout();
    dump.task(4, 1).live(TaskState.BLOCKED, 700, 720).times(2, 0, 0, 0);
    dump.event(700, 4, TaskState.RUNNING).blocked(720, 4, 2);
    ObservedStateMachine machine = ObservedStateMachines.of(dump.build()).get(0);

    assertThat(machine.observed()).isEqualTo(3);
    ObservedState atLock = machine.state(Id.await(2));
    assertThat(atLock.visits()).isEqualTo(2);
    assertThat(atLock.left()).isEqualTo(1);
    assertThat(atLock.meanNanos()).isEqualTo(40);
    assertThat(atLock.current()).isEqualTo(1);
    assertThat(atLock.currentNanos()).isEqualTo(1_000 - 720);
    assertThat(machine.state(START).runningNanos()).isEqualTo(40 + 20);
  }

  @Test
  void anAsyncMethodSuspendsThenCompletesAndSpawnedWorkIsNotACall() {
    DumpBuilder dump =
        new DumpBuilder(1_000)
            .method(1, "Repo.fetch", TaskKind.ASYNC)
            .method(2, "Repo.unused", TaskKind.SYNC);
    dump.task(1, 1).async().ran(0, 400).times(3, 0, 0, 0);
    dump.task(2, 1).spawned().parent(1).ran(5, 390).times(3, 0, 0, 0);
    dump.event(0, 1, TaskState.RUNNING)
        .event(1, 2, TaskState.QUEUED)
        .event(5, 2, TaskState.RUNNING)
        .event(10, 1, TaskState.SUSPENDED)
        .event(390, 2, TaskState.COMPLETED)
        .event(400, 1, TaskState.COMPLETED);
    List<ObservedStateMachine> machines = ObservedStateMachines.of(dump.build());

    assertThat(machines).hasSize(1);
    ObservedStateMachine fetch = machines.get(0);
    assertThat(fetch.tasks()).isEqualTo(1);
    assertThat(fetch.states())
        .extracting(ObservedState::id)
        .containsExactly(START, SUSPENDED, COMPLETED);
    assertThat(fetch.state(SUSPENDED).waitingNanos()).isEqualTo(390);
    assertThat(fetch.state(START).runningNanos()).isEqualTo(10);
    assertThat(fetch.transitions())
        .containsExactly(
            new Transition(START, SUSPENDED, 1), new Transition(SUSPENDED, COMPLETED, 1));
  }

  @Test
  void aMethodWhoseTasksLostTheirEarlyEventsHasTasksButNoObservedOnes() {
    DumpBuilder dump = new DumpBuilder(1_000).method(1, "Repo.load", TaskKind.SYNC);
    dump.task(1, 1).ran(0, 100).times(2, 0, 0, 0);
    dump.event(100, 1, TaskState.COMPLETED); // the RUNNING event was overwritten
    ObservedStateMachine machine = ObservedStateMachines.of(dump.build()).get(0);

    assertThat(machine.tasks()).isEqualTo(1);
    assertThat(machine.observed()).isZero();
    assertThat(machine.states()).isEmpty();
    assertThat(machine.transitions()).isEmpty();
  }
}
