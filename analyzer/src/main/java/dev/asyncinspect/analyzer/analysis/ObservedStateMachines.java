package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link ObservedStateMachine} of each traced method: the states its calls went through (start,
 * each await point, suspended, the ends), the moves between them with counts, and the time spent in
 * each, from the dump's event history.
 *
 * <p>Only tasks whose whole history is in the dump count: as many events of the task as its {@code
 * transitions} (the agent records one event per state change, the start included). The history is a
 * ring that forgets the oldest events, so a busy program's early tasks drop out; the machine says
 * how many tasks it covers. SPAWNED tasks are work a method handed to another thread, not calls of
 * it, and are left out.
 *
 * <p>Cost: two passes over the events, O(events + tasks) time, O(tasks) memory.
 */
public final class ObservedStateMachines {
  private ObservedStateMachines() {}

  /** Where one task is in its machine while the events are read. */
  private static final class Cursor {
    final Machine machine;
    ObservedState.Id state;
    TaskState taskState;
    long since;
    long waiting;
    long running;

    Cursor(Machine machine) {
      this.machine = machine;
    }
  }

  /** A method's machine while it is built. */
  private static final class Machine {
    final Map<ObservedState.Id, long[]> states = new TreeMap<>();
    final Map<ObservedState.Id, Map<ObservedState.Id, Long>> moves = new TreeMap<>();
    long tasks;
    long observed;

    /** visits, left, waiting, running, current, currentNanos. */
    long[] state(ObservedState.Id id) {
      return states.computeIfAbsent(id, key -> new long[6]);
    }
  }

  /** One machine per traced method of the dump that has tasks, in the dump's method order. */
  public static List<ObservedStateMachine> of(Dump dump) {
    Map<Integer, Machine> machines = new HashMap<>();
    Map<Long, Integer> eventCounts = new HashMap<>();
    for (EventInfo event : dump.events()) {
      eventCounts.merge(event.task(), 1, Integer::sum);
    }
    Map<Long, Cursor> cursors = new HashMap<>();
    for (TaskInfo task : dump.tasks()) {
      if (task.kind() == TaskKind.SPAWNED) {
        continue;
      }
      Machine machine = machines.computeIfAbsent(task.method(), id -> new Machine());
      machine.tasks++;
      if (eventCounts.getOrDefault(task.id(), 0) == task.transitions()) {
        machine.observed++;
        cursors.put(task.id(), new Cursor(machine));
      }
    }
    for (EventInfo event : dump.events()) {
      Cursor cursor = cursors.get(event.task());
      if (cursor != null) {
        step(cursor, event);
      }
    }
    long now = dump.header().dumpNanos();
    for (Cursor cursor : cursors.values()) {
      if (cursor.state != null && !cursor.state.kind().end()) {
        charge(cursor, now);
        long[] counts = cursor.machine.state(cursor.state);
        counts[4]++;
        counts[5] += cursor.waiting + cursor.running;
      }
    }
    List<ObservedStateMachine> result = new ArrayList<>();
    for (MethodInfo method : dump.methods().values()) {
      Machine machine = machines.get(method.id());
      if (machine != null) {
        result.add(build(dump, method, machine));
      }
    }
    return result;
  }

  private static void step(Cursor cursor, EventInfo event) {
    if (cursor.state == null) {
      cursor.state = first(event);
      cursor.machine.state(cursor.state)[0]++;
    } else {
      charge(cursor, event.t());
      ObservedState.Id next = next(cursor.state, event);
      if (next != null) {
        long[] left = cursor.machine.state(cursor.state);
        left[1]++;
        left[2] += cursor.waiting;
        left[3] += cursor.running;
        cursor
            .machine
            .moves
            .computeIfAbsent(cursor.state, id -> new TreeMap<>())
            .merge(next, 1L, Long::sum);
        cursor.machine.state(next)[0]++;
        cursor.state = next;
        cursor.waiting = 0;
        cursor.running = 0;
      }
    }
    cursor.taskState = event.state();
    cursor.since = event.t();
  }

  /** Charges the time since the last event to the current visit, running or waiting. */
  private static void charge(Cursor cursor, long until) {
    long spent = Math.max(0, until - cursor.since);
    if (cursor.taskState == TaskState.RUNNING) {
      cursor.running += spent;
    } else {
      cursor.waiting += spent;
    }
  }

  private static ObservedState.Id first(EventInfo event) {
    ObservedState.Id id = next(null, event);
    return id != null ? id : ObservedState.Id.of(ObservedState.Kind.START);
  }

  /** The state an event moves a task to, or null when it stays where it is. */
  private static ObservedState.Id next(ObservedState.Id current, EventInfo event) {
    return switch (event.state()) {
      case QUEUED -> ObservedState.Id.of(ObservedState.Kind.QUEUED);
      // Running again after a wait continues the state of the wait; after the queue, it starts.
      case RUNNING ->
          current != null && current.kind() == ObservedState.Kind.QUEUED
              ? ObservedState.Id.of(ObservedState.Kind.START)
              : null;
      case BLOCKED -> event.point() == null ? null : ObservedState.Id.await(event.point());
      case SUSPENDED -> ObservedState.Id.of(ObservedState.Kind.SUSPENDED);
      case COMPLETED -> ObservedState.Id.of(ObservedState.Kind.COMPLETED);
      case FAILED -> ObservedState.Id.of(ObservedState.Kind.FAILED);
      case CANCELLED -> ObservedState.Id.of(ObservedState.Kind.CANCELLED);
    };
  }

  private static ObservedStateMachine build(Dump dump, MethodInfo method, Machine machine) {
    List<ObservedState> states = new ArrayList<>();
    machine.states.forEach(
        (id, c) ->
            states.add(
                new ObservedState(
                    id,
                    id.kind() == ObservedState.Kind.AWAIT ? dump.awaitPoint(id.point()) : null,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5])));
    List<ObservedStateMachine.Transition> transitions = new ArrayList<>();
    machine.moves.forEach(
        (from, tos) ->
            tos.forEach(
                (to, count) ->
                    transitions.add(new ObservedStateMachine.Transition(from, to, count))));
    return new ObservedStateMachine(method, machine.tasks, machine.observed, states, transitions);
  }
}
