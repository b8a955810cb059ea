package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds a {@link Timeline}; see there for what it holds and what it cannot know. */
final class TimelineBuilder {
  private final WaitForGraph graph;
  private final Dump dump;
  private final long now;

  TimelineBuilder(WaitForGraph graph) {
    this.graph = graph;
    this.dump = graph.dump();
    this.now = dump.header().dumpNanos();
  }

  Timeline build() {
    TaskIndex index = TaskIndex.of(dump);
    List<List<EventInfo>> events = eventsBySlot(index);
    List<TaskTimeline> tasks = new ArrayList<>(index.size());
    Set<Long> seen = new HashSet<>();
    long first = Long.MAX_VALUE;
    long last = now;
    for (int slot = 0; slot < index.size(); slot++) {
      TaskInfo task = index.task(slot);
      if (!seen.add(task.id())) {
        continue; // a duplicate record: the reader warned about it, and the first one counts
      }
      TaskTimeline timeline = taskTimeline(task, events.get(slot));
      tasks.add(timeline);
      first = Math.min(first, timeline.start());
      last = Math.max(last, timeline.end());
    }
    return new Timeline(
        dump,
        tasks.isEmpty() ? now : Math.min(first, last),
        last,
        tasks,
        relations(tasks, seen),
        historyComplete());
  }

  private List<List<EventInfo>> eventsBySlot(TaskIndex index) {
    List<List<EventInfo>> bySlot = new ArrayList<>(index.size());
    for (int slot = 0; slot < index.size(); slot++) {
      bySlot.add(new ArrayList<>(4));
    }
    for (EventInfo event : dump.events()) {
      int slot = index.slot(event.task());
      if (slot >= 0) {
        bySlot.get(slot).add(event);
      }
    }
    return bySlot;
  }

  private TaskTimeline taskTimeline(TaskInfo task, List<EventInfo> events) {
    long end = Math.max(task.start(), TaskTimes.end(task, now));
    boolean open = !task.state().terminal();
    List<StateSegment> segments = new ArrayList<>();
    long segmentStart = 0;
    EventInfo current = null;
    for (EventInfo event : events) {
      if (current != null) {
        segments.add(segment(task, current, segmentStart, Math.max(segmentStart, event.t())));
      }
      if (event.state().terminal()) {
        current = null;
        end = Math.max(segmentStart, event.t());
        break;
      }
      segmentStart = Math.max(segmentStart, event.t());
      current = event;
    }
    if (current != null) {
      closeWithRecord(task, current, segmentStart, end, segments);
    } else if (open && (segments.isEmpty() || task.stateSince() > last(segments).start())) {
      // No event of the task's state at the dump's moment: the record still says since when.
      long since = Math.min(end, Math.max(task.stateSince(), task.start()));
      segments.add(segment(task, task.state(), null, since, end, true));
    }
    long start = segments.isEmpty() ? task.start() : segments.get(0).start();
    boolean truncated = segments.isEmpty() || start > task.start();
    return new TaskTimeline(task, start, end, truncated, open, segments);
  }

  /**
   * The last event's segment runs to the task's end; but when the record's last state change is
   * later than that event, changes were dropped, and the record's state holds from then on.
   */
  private void closeWithRecord(
      TaskInfo task, EventInfo event, long from, long end, List<StateSegment> segments) {
    boolean open = !task.state().terminal();
    if (open && task.stateSince() > from && task.stateSince() < end) {
      segments.add(segment(task, event, from, task.stateSince()));
      segments.add(segment(task, task.state(), null, task.stateSince(), end, true));
    } else {
      boolean sameAsRecord = open && event.state() == task.state();
      segments.add(segment(task, event.state(), event.point(), from, end, sameAsRecord));
    }
  }

  private StateSegment segment(TaskInfo task, EventInfo event, long from, long to) {
    return segment(task, event.state(), event.point(), from, to, false);
  }

  /** A segment; {@code current} when it is the state the task record describes. */
  private StateSegment segment(
      TaskInfo task, TaskState state, Integer point, long from, long to, boolean current) {
    Long thread = null;
    TimelineAwait await = null;
    if (state == TaskState.RUNNING || state == TaskState.BLOCKED) {
      // ASYNC and SYNC code runs on the thread that called it; a SPAWNED task's worker thread is
      // known only while it runs.
      thread = current && task.thread() != null ? task.thread() : null;
      if (thread == null && task.kind() != TaskKind.SPAWNED) {
        thread = task.startThread();
      }
    }
    if (state == TaskState.BLOCKED) {
      AwaitInfo info = current ? task.await() : null;
      Integer pointId = info != null ? Integer.valueOf(info.point()) : point;
      if (pointId != null) {
        Integer object = info == null ? null : info.object();
        await =
            new TimelineAwait(
                pointId, dump.awaitPoint(pointId), object == null ? null : dump.object(object));
      }
    }
    return new StateSegment(state, from, to, thread, await);
  }

  private static StateSegment last(List<StateSegment> segments) {
    return segments.get(segments.size() - 1);
  }

  private List<TaskRelation> relations(List<TaskTimeline> tasks, Set<Long> ids) {
    List<TaskRelation> relations = new ArrayList<>();
    for (TaskTimeline timeline : tasks) {
      Long parent = timeline.task().parent();
      if (parent != null && ids.contains(parent) && parent != timeline.id()) {
        relations.add(
            new TaskRelation(
                TaskRelation.Kind.PARENT_OF, parent, timeline.id(), timeline.task().start(), null));
      }
    }
    for (TaskTimeline timeline : tasks) {
      TaskInfo task = timeline.task();
      if (task.state() == TaskState.BLOCKED && task.await() != null) {
        Integer object = task.await().object();
        for (long release : releasers(object)) {
          if (release != task.id() && ids.contains(release)) {
            relations.add(
                new TaskRelation(
                    TaskRelation.Kind.WAITS_FOR, task.id(), release, task.await().since(), object));
          }
        }
      }
    }
    return relations;
  }

  /**
   * The tasks that would release a wait on an object: walks the wait-for graph from the object
   * through derived futures to the first tasks (producers, holders, the task on a joined thread).
   */
  private Set<Long> releasers(Integer object) {
    Set<Long> found = new LinkedHashSet<>();
    int node = object == null ? -1 : graph.objectNode(object);
    if (node < 0) {
      return found;
    }
    Set<Integer> visited = new HashSet<>();
    Deque<Integer> pending = new ArrayDeque<>();
    pending.add(node);
    visited.add(node);
    while (!pending.isEmpty()) {
      for (WaitEdge edge : graph.edgesFrom(pending.poll())) {
        if (edge.fromJvm()) {
          continue;
        }
        WaitNode target = graph.node(edge.to());
        if (target.kind() == WaitNode.Kind.TASK) {
          found.add(target.id());
        } else if (target.kind() == WaitNode.Kind.OBJECT && visited.add(edge.to())) {
          pending.add(edge.to());
        }
      }
    }
    return found;
  }

  private boolean historyComplete() {
    if (!dump.complete() || dump.end().dropped().getOrDefault("events", 0L) > 0) {
      return false;
    }
    List<EventInfo> events = dump.events();
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).seq() != events.get(i - 1).seq() + 1) {
        return false;
      }
    }
    return events.isEmpty() || events.get(0).seq() == 0;
  }
}
