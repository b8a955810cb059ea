package dev.asyncinspect.bench;

import dev.asyncinspect.analyzer.dump.TaskState;

/**
 * One synthetic task: when it starts, how many events it has, and how it ends. Its events follow
 * the agent's state machine: {@code RUNNING}, then pairs of {@code BLOCKED} and {@code RUNNING},
 * then for an ASYNC task whose future was not yet complete {@code SUSPENDED}, then its end. A live
 * task has a prefix of that sequence, all before the dump's moment.
 */
final class TaskPlan {
  final int id;

  /** Picks the await points of the task's waits; stays when the task is renumbered. */
  private int seed;

  final int method;
  final int parent;
  final boolean async;
  final long start;
  final int events;
  final boolean suspends;

  /** The end state, or null for a task live at dump time. */
  final TaskState end;

  /** The time of the last event. */
  final long last;

  /** When the task would end: after the dump's moment for a live task. */
  final long plannedEnd;

  long runningNanos;
  long blockedNanos;
  long suspendedNanos;

  TaskPlan(
      int id,
      int method,
      int parent,
      boolean async,
      long start,
      long last,
      long plannedEnd,
      int events,
      boolean suspends,
      TaskState end) {
    this.id = id;
    this.method = method;
    this.parent = parent;
    this.async = async;
    this.start = start;
    this.last = last;
    this.plannedEnd = plannedEnd;
    this.events = events;
    this.suspends = suspends;
    this.end = end;
    this.seed = id;
  }

  /** The same task under other ids; its times and sums stay. */
  TaskPlan renumbered(int newId, int newParent) {
    TaskPlan task =
        new TaskPlan(
            newId, method, newParent, async, start, last, plannedEnd, events, suspends, end);
    task.runningNanos = runningNanos;
    task.blockedNanos = blockedNanos;
    task.suspendedNanos = suspendedNanos;
    task.seed = seed;
    return task;
  }

  boolean live() {
    return end == null;
  }

  /** The time of event {@code j}: spread evenly from the start to the last event. */
  long time(int j) {
    return events == 1 ? start : start + (last - start) * j / (events - 1);
  }

  /** The state that event {@code j} enters. */
  TaskState state(int j) {
    if (j == events - 1 && end != null) {
      return end;
    }
    int suspendAt = end == null ? events - 1 : events - 2;
    if (suspends && j == suspendAt) {
      return TaskState.SUSPENDED;
    }
    return j % 2 == 0 ? TaskState.RUNNING : TaskState.BLOCKED;
  }

  /** The state at dump time. */
  TaskState finalState() {
    return state(events - 1);
  }

  /** Which of the method's await points a {@code BLOCKED} event waits at: 0, 1 or 2. */
  int pointIndex(int j) {
    int hash = (seed * 31 + j) * 0x9E3779B1;
    int spread = (hash >>> 16) % 20;
    return spread < 12 ? 0 : spread < 17 ? 1 : 2; // futures, locks, sleeps: 60 / 25 / 15 %
  }
}
