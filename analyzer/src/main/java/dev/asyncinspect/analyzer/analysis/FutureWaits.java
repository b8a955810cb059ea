package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EventColumns;
import dev.asyncinspect.analyzer.dump.IdBits;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds which method's tasks waited on futures of which other method's tasks, for the {@link
 * EdgeKind#AWAITS} edges of the call graph. Two sources:
 *
 * <ol>
 *   <li><b>Seen</b>: a task {@code BLOCKED} at dump time on a {@code FUTURE} object whose {@code
 *       producer} task is in the dump. The wait lasts from {@code await.since} to the dump.
 *   <li><b>Inferred</b> from the event history, for waits that already ended (the dump keeps no
 *       object for them): a task {@code BLOCKED} at an await point of kind {@code FUTURE}, during
 *       which an ASYNC or SPAWNED task it started ended (or work spawned by an ASYNC call it made,
 *       else a task its parent started), the last such before the waiter's next event. Completing a
 *       future wakes its waiters, and the futures a task joins are mostly those of the calls it or
 *       its parent made; a wait during which none of those ended (the future was done already, or
 *       came from elsewhere) adds no edge, rather than a guess among unrelated tasks. Edges count
 *       inferred waits apart.
 * </ol>
 *
 * <p>A SPAWNED producer stands for the method that handed its work off, as in {@link CallGraph}.
 * Events are taken in {@code seq} order, the order they were recorded in. One pass over the events
 * with per-task arrays ({@link TaskIndex}): O(events + tasks).
 */
final class FutureWaits {
  private final Dump dump;
  private final TaskIndex index;
  private final EdgeTally edges;

  private FutureWaits(Dump dump, TaskIndex index, EdgeTally edges) {
    this.dump = dump;
    this.index = index;
    this.edges = edges;
  }

  /** Adds the waits of a dump to {@code edges} as {@link EdgeKind#AWAITS}. */
  static void addTo(Dump dump, TaskIndex index, EdgeTally edges) {
    FutureWaits waits = new FutureWaits(dump, index, edges);
    waits.seen();
    waits.inferred(dump.eventColumns());
  }

  private void seen() {
    long now = dump.header().dumpNanos();
    for (TaskInfo waiter : dump.tasks()) {
      if (waiter.state() != TaskState.BLOCKED
          || waiter.await() == null
          || waiter.await().object() == null) {
        continue;
      }
      ObjectInfo object = dump.object(waiter.await().object());
      if (object == null || object.kind() != ObjectKind.FUTURE || object.producer() == null) {
        continue;
      }
      int producer = index.slot(object.producer());
      if (producer >= 0) {
        edges.add(
            waiter.method(),
            index.task(producer).method(),
            EdgeKind.AWAITS,
            now - waiter.await().since(),
            false);
      }
    }
  }

  private void inferred(EventColumns events) {
    IdBits futurePoints = futurePoints();
    int[] waitingSince = index.ints(-1); // the event that began the task's open wait
    long[] waitStart = new long[index.size()];
    int[] lastEndedChild = index.ints(-1); // per parent: its child that ended last
    int[] lastEndedAt = index.ints(-1); // and the event at which it did
    for (int i = 0; i < events.size(); i++) {
      int slot = index.slot(events.task(i));
      if (slot < 0) {
        continue; // neither waiter nor producer can be named without its task
      }
      int began = waitingSince[slot];
      if (began >= 0) {
        waitingSince[slot] = -1;
        int producer = producer(slot, began, lastEndedChild, lastEndedAt);
        if (producer >= 0) {
          edges.add(
              index.method(slot),
              index.method(producer),
              EdgeKind.AWAITS,
              events.time(i) - waitStart[slot],
              true);
        }
      }
      TaskState state = events.state(i);
      int point = events.point(i);
      // futurePoints holds only ids >= 0; NO_POINT is negative.
      if (state == TaskState.BLOCKED && futurePoints.contains(point)) {
        waitingSince[slot] = i;
        waitStart[slot] = events.time(i);
      } else if (state.terminal() && index.kind(slot) != TaskKind.SYNC) {
        int parent = index.parentSlot(slot);
        if (parent >= 0) {
          lastEndedChild[parent] = slot;
          lastEndedAt[parent] = i;
          // An ASYNC call often returns the future of work it spawned (supplyAsync): that work
          // then completes what the caller of the ASYNC call joins.
          int grandparent = index.parentSlot(parent);
          if (grandparent >= 0 && index.kind(parent) != TaskKind.SYNC) {
            lastEndedChild[grandparent] = slot;
            lastEndedAt[grandparent] = i;
          }
        }
      }
    }
  }

  /** The waiter's child, else its sibling, that ended last after event {@code began}; or -1. */
  private int producer(int waiter, int began, int[] lastEndedChild, int[] lastEndedAt) {
    if (lastEndedChild[waiter] >= 0 && lastEndedAt[waiter] > began) {
      return lastEndedChild[waiter];
    }
    int parent = index.parentSlot(waiter);
    if (parent >= 0
        && lastEndedChild[parent] >= 0
        && lastEndedChild[parent] != waiter
        && lastEndedAt[parent] > began) {
      return lastEndedChild[parent];
    }
    return -1;
  }

  /** The ids of the await points that wait on futures. */
  private IdBits futurePoints() {
    List<Integer> points = new ArrayList<>();
    for (AwaitPointInfo point : dump.awaitPoints().values()) {
      if (point.kind() == AwaitKind.FUTURE) {
        points.add(point.id());
      }
    }
    return IdBits.of(points);
  }
}
