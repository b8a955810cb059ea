package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a dump's event history is assembled from the rings and the pending starts. */
class EventHistoryTest {
  private static final int RUNNING = TaskStates.RUNNING;
  private static final int BLOCKED = TaskStates.BLOCKED;
  private static final int DONE = TaskStates.COMPLETED;

  private record Event(long seq, long time, long task, int state) {}

  private static List<Event> write(EventHistory history, long recorded, long[] dropped) {
    List<Event> events = new ArrayList<>();
    dropped[0] =
        history.writeTo(
            (seq, time, task, state, point) -> events.add(new Event(seq, time, task, state)),
            recorded);
    return events;
  }

  @Test
  void startsWrittenLateAreSortedIntoTimeOrderAndPendingOnesAdded() {
    EventRing ring = new EventRing(16);
    // Task 1 starts at 10; task 2 runs from 20 to 30 inside it; then task 1 blocks at 40.
    ring.recordPair(20, 2, RUNNING, 0, 30, DONE, 0);
    ring.recordPair(10, 1, RUNNING, 0, 40, BLOCKED, 5);
    EventHistory history = new EventHistory();
    history.addRing(ring, ring.written());
    history.addPendingStart(50, 3, RUNNING); // task 3 has started and not changed state yet
    long[] dropped = new long[1];

    List<Event> events = write(history, ring.written(), dropped);

    assertThat(dropped[0]).isZero();
    assertThat(events)
        .containsExactly(
            new Event(0, 10, 1, RUNNING),
            new Event(1, 20, 2, RUNNING),
            new Event(2, 30, 2, DONE),
            new Event(3, 40, 1, BLOCKED),
            new Event(4, 50, 3, RUNNING));
  }

  @Test
  void aStartReadBothPendingAndInTheRingIsWrittenOnce() {
    EventRing ring = new EventRing(16);
    ring.recordPair(10, 1, RUNNING, 0, 20, DONE, 0);
    EventHistory history = new EventHistory();
    history.addPendingStart(10, 1, RUNNING);
    history.addRing(ring, ring.written());
    long[] dropped = new long[1];

    List<Event> events = write(history, ring.written(), dropped);

    assertThat(events).containsExactly(new Event(0, 10, 1, RUNNING), new Event(1, 20, 1, DONE));
  }

  @Test
  void afterOverwritingTheHistoryBeginsWhereItIsWholeAndCountsTheRest() {
    EventRing ring = new EventRing(4);
    ring.record(1, 9, RUNNING, 0);
    ring.record(2, 8, RUNNING, 0);
    ring.record(3, 8, DONE, 0); // these three are overwritten below
    ring.record(4, 7, RUNNING, 0);
    ring.record(5, 7, DONE, 0);
    ring.recordPair(0, 9, RUNNING, 0, 6, DONE, 0); // a start older than what the ring still has
    ring.record(7, 6, RUNNING, 0);
    EventHistory history = new EventHistory();
    history.addRing(ring, ring.written());
    long[] dropped = new long[1];

    List<Event> events = write(history, ring.written(), dropped);

    // The late start at 0 is left out: the events around it in time are gone.
    assertThat(dropped[0]).isEqualTo(5);
    assertThat(events)
        .containsExactly(
            new Event(5, 5, 7, DONE), new Event(6, 6, 9, DONE), new Event(7, 7, 6, RUNNING));
  }

  @Test
  void ringsAreMergedAndTheHistoryBeginsWhereEveryRingIsWhole() {
    EventRing first = new EventRing(4);
    first.record(1, 5, RUNNING, 0); // overwritten below
    first.record(2, 1, RUNNING, 0);
    first.record(4, 1, BLOCKED, 0);
    first.record(5, 1, RUNNING, 0);
    first.record(6, 4, RUNNING, 0);
    EventRing second = new EventRing(4); // another stripe: task 1 ends there
    second.record(1, 2, RUNNING, 0);
    second.record(3, 2, DONE, 0);
    second.record(7, 1, DONE, 0);
    EventHistory history = new EventHistory();
    history.addRing(first, first.written());
    history.addRing(second, second.written());
    long[] dropped = new long[1];

    List<Event> events = write(history, first.written() + second.written(), dropped);

    // The first ring is whole from time 2 on: the second ring's event at 1 goes with the one lost.
    assertThat(dropped[0]).isEqualTo(2);
    assertThat(events)
        .containsExactly(
            new Event(2, 2, 1, RUNNING),
            new Event(3, 3, 2, DONE),
            new Event(4, 4, 1, BLOCKED),
            new Event(5, 5, 1, RUNNING),
            new Event(6, 6, 4, RUNNING),
            new Event(7, 7, 1, DONE));
  }

  @Test
  void eventsAfterTheCutAreLeftOut() {
    EventRing ring = new EventRing(16);
    ring.record(1, 1, RUNNING, 0);
    long limit = ring.written();
    ring.record(2, 1, DONE, 0);
    EventHistory history = new EventHistory();
    history.addRing(ring, limit);
    long[] dropped = new long[1];

    assertThat(write(history, limit, dropped)).containsExactly(new Event(0, 1, 1, RUNNING));
  }
}
