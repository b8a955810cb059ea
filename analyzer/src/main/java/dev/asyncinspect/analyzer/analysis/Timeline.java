package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks of a dump laid out in time: for each task its interval and its state segments ({@code
 * QUEUED}, {@code RUNNING}, {@code BLOCKED}, {@code SUSPENDED}), with the thread of each segment
 * that owns one and the await point (and, when known, the object) of each {@code BLOCKED} one; and
 * the arrows between tasks: parent → child, waiter → the task expected to release it. What the
 * Perfetto export and the HTML report draw.
 *
 * <p>Built from the task records and the event history. The history is a bounded ring: when a
 * task's first events were overwritten, its timeline begins at its first known state change and is
 * marked {@link TaskTimeline#truncated() truncated}; a task still live at the dump's moment ends
 * there and is marked {@link TaskTimeline#open() open}. Which thread a segment ran on is known for
 * ASYNC and SYNC tasks (their code runs on the thread that called them) and for the state a task is
 * in at the dump's moment; a finished SPAWNED task's worker thread is not in the dump. The object
 * of a wait is known only for the wait a task is in at the dump's moment.
 *
 * <p>All times are nanoseconds on the dump clock (from the agent's origin). Immutable. Cost: one
 * pass over the events and one over the tasks, O(events + tasks + objects).
 */
public final class Timeline {
  private final Dump dump;
  private final long start;
  private final long end;
  private final List<TaskTimeline> tasks;
  private final Map<Long, TaskTimeline> byId;
  private final List<TaskRelation> relations;
  private final boolean historyComplete;

  Timeline(
      Dump dump,
      long start,
      long end,
      List<TaskTimeline> tasks,
      List<TaskRelation> relations,
      boolean historyComplete) {
    this.dump = dump;
    this.start = start;
    this.end = end;
    this.tasks = List.copyOf(tasks);
    this.relations = List.copyOf(relations);
    this.historyComplete = historyComplete;
    this.byId = new HashMap<>(tasks.size() * 2);
    for (TaskTimeline task : tasks) {
      byId.putIfAbsent(task.id(), task);
    }
  }

  /** The timeline of a dump. */
  public static Timeline of(Dump dump) {
    return of(WaitForGraph.of(dump));
  }

  /** The timeline of a dump whose wait-for graph is at hand (it gives the waiter → task arrows). */
  public static Timeline of(WaitForGraph graph) {
    return new TimelineBuilder(graph).build();
  }

  /** The dump it was built from, for the names of threads, methods and objects. */
  public Dump dump() {
    return dump;
  }

  /** The earliest start of a task's timeline; the dump's moment when there is no task. */
  public long start() {
    return start;
  }

  /** The dump's moment (or the latest end of a task, should a clock disagree). */
  public long end() {
    return end;
  }

  /** The tasks, one timeline each, in dump order (the order the tasks started). */
  public List<TaskTimeline> tasks() {
    return tasks;
  }

  /** The timeline of the task with an id, if the dump has that task. */
  public Optional<TaskTimeline> task(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The arrows between tasks of the timeline: each {@link TaskRelation.Kind#PARENT_OF} in the
   * children's order, then each {@link TaskRelation.Kind#WAITS_FOR} in the waiters' order. Both
   * ends are tasks of the timeline.
   */
  public List<TaskRelation> relations() {
    return relations;
  }

  /**
   * Whether the dump holds the whole event history since the agent started: the dump is complete,
   * the agent dropped no event and the sequence numbers have no gap. When false, some tasks may be
   * {@link TaskTimeline#truncated() truncated}, and tasks that ended before the history begins have
   * no segments.
   */
  public boolean historyComplete() {
    return historyComplete;
  }
}
