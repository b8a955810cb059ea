package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Where each task of a {@link Timeline} goes in a trace: its stretches on a thread as slices of
 * that thread's track, with a nested slice per wait; its stretches with no thread (suspended,
 * queued, or on a thread the dump does not name) as slices of an async track of its own, with a
 * nested slice per state. Then the flow arrows between tasks, each from a zero-length anchor in the
 * slice where it starts: parent → child (to the child's first slice) and waiter → the task that
 * would release it (to an anchor in that task's slice at the time).
 */
final class TraceLayout {
  private final long pid;
  private final Map<Long, ThreadTrack> threads = new TreeMap<>();
  private final Map<Long, TaskPlaces> tasks = new HashMap<>();
  private final List<AsyncRun> asyncRuns = new ArrayList<>();
  private long flows;

  /** Where one segment of a task went: a thread slice (and wait slice), or an async part. */
  private record Place(
      StateSegment segment,
      ThreadTrack track,
      ThreadTrack.Slice run,
      ThreadTrack.Slice await,
      AsyncPart part) {}

  private static final class TaskPlaces {
    final TaskTimeline timeline;
    final List<Place> places = new ArrayList<>();
    ThreadTrack.Slice firstSlice;
    AsyncRun firstRun;

    TaskPlaces(TaskTimeline timeline) {
      this.timeline = timeline;
    }
  }

  /** A task's stretch on its async track. */
  private static final class AsyncRun {
    final TaskTimeline task;
    final long start;
    final long end;
    final Supplier<Map<String, Object>> args;
    final List<AsyncPart> parts = new ArrayList<>();
    long flowIn;

    AsyncRun(TaskTimeline task, long start, long end, Supplier<Map<String, Object>> args) {
      this.task = task;
      this.start = start;
      this.end = end;
      this.args = args;
    }
  }

  /** One segment within an async run, and the arrow anchors in it. */
  private record AsyncPart(
      StateSegment segment,
      String name,
      Supplier<Map<String, Object>> args,
      List<TraceEvent> anchors) {}

  TraceLayout(Timeline timeline) {
    this.pid = timeline.dump().header().pid();
    for (TaskTimeline task : timeline.tasks()) {
      tasks.put(task.id(), place(task));
    }
    for (TaskRelation relation : timeline.relations()) {
      if (relation.kind() == TaskRelation.Kind.PARENT_OF) {
        parentArrow(relation);
      } else {
        waitArrow(relation);
      }
    }
  }

  /** The ids of the threads that have slices, in order. */
  Iterable<Long> threadIds() {
    return threads.keySet();
  }

  /** All slice and anchor events: each thread's, then each async run's; per track in time order. */
  List<TraceEvent> events() {
    List<TraceEvent> events = new ArrayList<>();
    for (ThreadTrack track : threads.values()) {
      track.emit(events);
    }
    for (AsyncRun run : asyncRuns) {
      emit(run, events);
    }
    events.sort(Comparator.comparingLong(TraceEvent::ts)); // stable: keeps each track's order
    return events;
  }

  private TaskPlaces place(TaskTimeline task) {
    TaskPlaces placed = new TaskPlaces(task);
    List<StateSegment> segments = task.segments();
    if (segments.isEmpty()) {
      Supplier<Map<String, Object>> args =
          () -> {
            Map<String, Object> values = TraceArgs.task(task, true, true);
            values.put("states", "unknown: the event history no longer holds them");
            return values;
          };
      placed.firstRun = addRun(new AsyncRun(task, task.start(), task.end(), args));
      return placed;
    }
    for (int i = 0; i < segments.size(); ) {
      Long thread = segments.get(i).thread();
      int last = i;
      while (last + 1 < segments.size()
          && Objects.equals(segments.get(last + 1).thread(), thread)) {
        last++;
      }
      boolean first = i == 0;
      boolean lastRun = last == segments.size() - 1;
      Supplier<Map<String, Object>> args = () -> TraceArgs.task(task, first, lastRun);
      long start = segments.get(i).start();
      long end = segments.get(last).end();
      if (thread != null) {
        ThreadTrack track = threads.computeIfAbsent(thread, tid -> new ThreadTrack(pid, tid));
        ThreadTrack.Slice run = track.add(start, end, "task", task.name(), args);
        if (placed.firstSlice == null && placed.firstRun == null) {
          placed.firstSlice = run;
        }
        for (int k = i; k <= last; k++) {
          StateSegment segment = segments.get(k);
          ThreadTrack.Slice await =
              segment.state() == TaskState.BLOCKED
                  ? track.add(
                      segment.start(),
                      segment.end(),
                      "await",
                      TraceArgs.segmentName(segment),
                      () -> TraceArgs.segment(task, segment))
                  : null;
          placed.places.add(new Place(segment, track, run, await, null));
        }
      } else {
        AsyncRun run = addRun(new AsyncRun(task, start, end, args));
        if (placed.firstSlice == null && placed.firstRun == null) {
          placed.firstRun = run;
        }
        for (int k = i; k <= last; k++) {
          StateSegment segment = segments.get(k);
          AsyncPart part =
              new AsyncPart(
                  segment,
                  TraceArgs.segmentName(segment),
                  () -> TraceArgs.segment(task, segment),
                  new ArrayList<>());
          run.parts.add(part);
          placed.places.add(new Place(segment, null, null, null, part));
        }
      }
      i = last + 1;
    }
    return placed;
  }

  private AsyncRun addRun(AsyncRun run) {
    asyncRuns.add(run);
    return run;
  }

  /**
   * From the parent, 1 ns before the child's start when the parent was already there (so that the
   * tail comes before the head in every reader, even when the child starts a nested slice on the
   * same thread), to the child's first slice.
   */
  private void parentArrow(TaskRelation relation) {
    TaskPlaces parent = tasks.get(relation.from());
    TaskPlaces child = tasks.get(relation.to());
    long at = relation.at();
    long ts = at - 1 >= parent.timeline.start() && placeAt(parent, at - 1) != null ? at - 1 : at;
    if (placeAt(parent, ts) == null) {
      return; // the parent's state then is not in the history
    }
    long flow = ++flows;
    anchor(parent, ts, "starts #" + child.timeline.id() + " " + child.timeline.name(), flow, true);
    if (child.firstSlice != null) {
      child.firstSlice.flow(flow, false);
    } else {
      child.firstRun.flowIn = flow;
    }
  }

  /** From the waiter's wait to the releasing task, 1 ns later or when that task began. */
  private void waitArrow(TaskRelation relation) {
    TaskPlaces waiter = tasks.get(relation.from());
    TaskPlaces release = tasks.get(relation.to());
    long at = relation.at();
    long to = Math.min(Math.max(at + 1, release.timeline.start()), release.timeline.end());
    if (to <= at || placeAt(waiter, at) == null || placeAt(release, to) == null) {
      return; // the task ended before the wait began: it releases nothing
    }
    long flow = ++flows;
    anchor(
        waiter,
        at,
        "waits for #" + release.timeline.id() + " " + release.timeline.name(),
        flow,
        true);
    anchor(
        release,
        to,
        "awaited by #" + waiter.timeline.id() + " " + waiter.timeline.name(),
        flow,
        false);
  }

  private void anchor(TaskPlaces task, long ts, String name, long flow, boolean out) {
    Place place = placeAt(task, ts);
    if (place.track() != null) {
      ThreadTrack.Slice owner = place.await() != null ? place.await() : place.run();
      place.track().anchor(owner, ts, name, flow, out);
    } else {
      place
          .part()
          .anchors()
          .add(
              TraceEvent.slice('n', ts, pid, asyncTid(task.timeline), "task", name)
                  .withId(asyncId(task.timeline))
                  .withFlow(flow, out));
    }
  }

  /** The segment of a task at a time: the one that covers it, else one that ends then. */
  private static Place placeAt(TaskPlaces task, long ts) {
    Place ending = null;
    for (Place place : task.places) {
      StateSegment segment = place.segment();
      if (segment.start() <= ts && ts < segment.end()) {
        return place;
      }
      if (segment.start() <= ts && ts == segment.end()) {
        ending = place;
      }
    }
    return ending;
  }

  private void emit(AsyncRun run, List<TraceEvent> out) {
    String id = asyncId(run.task);
    long tid = asyncTid(run.task);
    TraceEvent begin =
        TraceEvent.slice('b', run.start, pid, tid, "task", run.task.name())
            .withId(id)
            .withArgs(run.args);
    out.add(run.flowIn == 0 ? begin : begin.withFlow(run.flowIn, false));
    for (AsyncPart part : run.parts) {
      StateSegment segment = part.segment();
      out.add(
          TraceEvent.slice('b', segment.start(), pid, tid, "task", part.name())
              .withId(id)
              .withArgs(part.args()));
      List<TraceEvent> anchors = new ArrayList<>(part.anchors());
      anchors.sort(Comparator.comparingLong(TraceEvent::ts));
      out.addAll(anchors);
      out.add(TraceEvent.slice('e', segment.end(), pid, tid, "task", part.name()).withId(id));
    }
    out.add(TraceEvent.slice('e', run.end, pid, tid, "task", run.task.name()).withId(id));
  }

  /** An async track per task: its id, unique within the trace. */
  static String asyncId(TaskTimeline task) {
    return "0x" + Long.toHexString(task.id());
  }

  /** The thread named on a task's async events: the one that started it, else the process. */
  private long asyncTid(TaskTimeline task) {
    Long thread = task.task().startThread();
    return thread != null ? thread : pid;
  }
}
