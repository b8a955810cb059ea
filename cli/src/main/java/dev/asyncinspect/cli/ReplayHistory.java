package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpFormatException;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dump's event history, indexed for replay: the state of every task at event {@code k} of {@code
 * n} ({@link ReplayFrames}). Positions count from 1: position {@code k} is the moment just after
 * the {@code k}-th event of the dump, in {@code seq} order.
 *
 * <p>What the dump cannot tell is kept apart, never guessed: the history is a bounded ring, so a
 * task may have made state changes before its first event in the dump; {@link #droppedTransitions}
 * says how many (the task record's {@code transitions} count every change, its start included, each
 * of which is one event).
 */
final class ReplayHistory {
  private final Dump dump;
  private final List<EventInfo> events;
  private final Map<Long, int[]> positionsOfTask;
  private final Map<Long, TaskInfo> tasks;
  private final List<Long> withoutRecord;

  private ReplayHistory(Dump dump) {
    this.dump = dump;
    this.events = dump.events();
    Map<Long, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      positions.computeIfAbsent(events.get(i).task(), id -> new ArrayList<>()).add(i);
    }
    this.positionsOfTask = new HashMap<>();
    positions.forEach(
        (id, list) -> positionsOfTask.put(id, list.stream().mapToInt(Integer::intValue).toArray()));
    this.tasks = new LinkedHashMap<>();
    for (TaskInfo task : dump.tasks()) {
      tasks.putIfAbsent(task.id(), task);
    }
    this.withoutRecord = new ArrayList<>();
    for (Long id : positions.keySet()) {
      if (!tasks.containsKey(id)) {
        withoutRecord.add(id);
      }
    }
  }

  /** The history of a dump; refused with one line for users when it has no events. */
  static ReplayHistory of(Dump dump) throws DumpFormatException {
    if (dump.events().isEmpty()) {
      throw new DumpFormatException(
          dump.source(),
          "nothing to replay: the dump has no event history (a SNAPSHOT has none, and"
              + " neither has a dump of an agent run with maxEvents=0)");
    }
    return new ReplayHistory(dump);
  }

  Dump dump() {
    return dump;
  }

  /** How many events there are: the last position. */
  int size() {
    return events.size();
  }

  /** The time of the event at a position (1 to {@link #size()}). */
  long timeAt(int position) {
    return events.get(position - 1).t();
  }

  /** The event at a position (1 to {@link #size()}). */
  EventInfo eventAt(int position) {
    return events.get(position - 1);
  }

  /** Events the agent overwrote before this dump's first one: the history starts after them. */
  long droppedBefore() {
    return events.get(0).seq();
  }

  /** The task records of the dump, by id (first record of an id). */
  Map<Long, TaskInfo> records() {
    return tasks;
  }

  /** Ids that have events but no task record (finished tasks the dump no longer retained). */
  List<Long> withoutRecord() {
    return withoutRecord;
  }

  /** The indexes into the events of one task's events, ascending; empty when it has none. */
  int[] indexesOf(long task) {
    return positionsOfTask.getOrDefault(task, new int[0]);
  }

  /** The events of a task up to a position (those with index below {@code position}). */
  List<EventInfo> eventsOf(long task, int position) {
    List<EventInfo> of = new ArrayList<>();
    for (int index : indexesOf(task)) {
      if (index >= position) {
        break;
      }
      of.add(events.get(index));
    }
    return of;
  }

  /**
   * How many of a task's state changes happened before its first event in the dump: the record's
   * {@code transitions} less its events here; -1 when the dump has no record of the task, so that
   * nothing can be said.
   */
  int droppedTransitions(long task) {
    TaskInfo record = tasks.get(task);
    if (record == null) {
      return -1;
    }
    return Math.max(0, record.transitions() - indexesOf(task).length);
  }
}
