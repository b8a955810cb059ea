package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.AwaitInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.ExecutorInfo;
import dev.asyncinspect.analyzer.dump.Header;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of every task at one position of a dump's event history: a pure function of the dump,
 * the position and the moment, so that stepping back and forth gives the same frame.
 *
 * <p>For each task, in this order:
 *
 * <ol>
 *   <li>The dump's own record holds when the task made no recorded state change after the moment
 *       and its record's state began by then (or is the state the task's last event set): all its
 *       fields are kept, the await object and held locks included.
 *   <li>Otherwise its last event up to the position gives its state, since when, and (BLOCKED) the
 *       await point; the awaited object only when the record's wait is that very wait (same point,
 *       same start). Locks held then are not known, so none are shown.
 *   <li>A task with no event up to the position has not started when its whole history is in the
 *       dump; when part of it was dropped and it had started by then, its state is unknown.
 * </ol>
 *
 * Objects follow the tasks: the waiters and holders are the frame's, and a future the dump saw done
 * is not done while its producer had not finished.
 */
final class ReplayFrames {
  /** The name shown for a task that has events but no record in the dump. */
  static final String NO_RECORD = "(no record in the dump)";

  private ReplayFrames() {}

  static ReplayFrame at(ReplayHistory history, int position, long time) {
    Dump dump = history.dump();
    List<EventInfo> events = dump.events();
    List<TaskInfo> known = new ArrayList<>();
    List<TaskInfo> unknown = new ArrayList<>();
    for (TaskInfo record : history.records().values()) {
      int[] indexes = history.indexesOf(record.id());
      int applied = lastBelow(indexes, position);
      boolean later = indexes.length > 0 && indexes[indexes.length - 1] >= position;
      EventInfo last = applied < 0 ? null : events.get(indexes[applied]);
      boolean recordHolds =
          !later
              && (record.stateSince() <= time
                  || last != null
                      && last.t() == record.stateSince()
                      && last.state() == record.state());
      if (recordHolds) {
        known.add(record);
      } else if (last != null) {
        known.add(fromEvent(record, last, history.droppedTransitions(record.id()) + applied + 1));
      } else if (record.start() <= time
          && !(indexes.length > 0 && history.droppedTransitions(record.id()) == 0)) {
        unknown.add(record);
      }
      // else: not started yet at this moment
    }
    for (long id : history.withoutRecord()) {
      int[] indexes = history.indexesOf(id);
      int applied = lastBelow(indexes, position);
      if (applied >= 0) {
        known.add(fromEvent(null, events.get(indexes[applied]), 0));
      }
    }
    Header h = dump.header();
    Header header =
        new Header(
            h.format(),
            h.version(),
            h.agentVersion(),
            h.jvm(),
            h.pid(),
            h.mainClass(),
            h.startTime(),
            h.dumpTime(),
            time,
            h.reason(),
            h.options());
    Dump frame =
        new Dump(
            dump.source(),
            header,
            dump.methods(),
            dump.awaitPoints(),
            dump.threads(),
            known,
            objects(dump, known, unknown),
            List.of(),
            dump.methodStats(),
            dump.pointStats(),
            List.of(),
            dump.end(),
            List.of(),
            dump.spawnPoints(),
            List.of(),
            List.of());
    return new ReplayFrame(frame, unknown, position, history.size(), time);
  }

  /** The index into {@code indexes} of the last one below {@code position}, or -1. */
  private static int lastBelow(int[] indexes, int position) {
    int low = 0;
    int high = indexes.length - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (indexes[middle] < position) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** A task as its event says it was; {@code record} null for a task the dump has no record of. */
  private static TaskInfo fromEvent(TaskInfo record, EventInfo event, int transitions) {
    TaskState state = event.state();
    boolean onThread = state == TaskState.RUNNING || state == TaskState.BLOCKED;
    Long thread = null;
    if (onThread && record != null) {
      // A SYNC or ASYNC task runs on the thread that called it; SPAWNED work on one worker.
      thread = record.thread() != null ? record.thread() : null;
      if (thread == null && record.kind() != TaskKind.SPAWNED) {
        thread = record.startThread();
      }
    }
    AwaitInfo await = null;
    if (state == TaskState.BLOCKED && event.point() != null) {
      AwaitInfo then = record == null ? null : record.await();
      boolean sameWait = then != null && then.point() == event.point() && then.since() == event.t();
      await = new AwaitInfo(event.point(), sameWait ? then.object() : null, event.t());
    }
    boolean terminal = state.terminal();
    if (record == null) {
      return new TaskInfo(
          event.task(),
          0,
          NO_RECORD,
          null,
          state,
          null,
          thread,
          null,
          event.t(),
          terminal ? event.t() : null,
          event.t(),
          transitions,
          0,
          0,
          0,
          await,
          null,
          List.of(),
          null,
          null,
          null);
    }
    return new TaskInfo(
        record.id(),
        record.method(),
        record.name(),
        record.kind(),
        state,
        record.parent(),
        thread,
        record.startThread(),
        record.start(),
        terminal ? event.t() : null,
        event.t(),
        transitions,
        0,
        0,
        0,
        await,
        record.future(),
        List.of(),
        terminal && record.state() == state ? record.error() : null,
        record.spawnPoint(),
        terminal ? null : record.executor());
  }

  /** The dump's objects as the frame's tasks see them. */
  private static Map<Integer, ObjectInfo> objects(
      Dump dump, List<TaskInfo> tasks, List<TaskInfo> unknown) {
    Map<Long, TaskState> states = new HashMap<>();
    Set<Long> unknownIds = new HashSet<>();
    for (TaskInfo task : unknown) {
      unknownIds.add(task.id());
    }
    Map<Integer, List<Long>> waiters = new HashMap<>();
    Map<Integer, List<Long>> holders = new HashMap<>();
    Map<Integer, List<Long>> queued = new HashMap<>();
    Map<Integer, List<Long>> running = new HashMap<>();
    for (TaskInfo task : tasks) {
      states.put(task.id(), task.state());
      if (task.state() == TaskState.BLOCKED
          && task.await() != null
          && task.await().object() != null) {
        waiters.computeIfAbsent(task.await().object(), id -> new ArrayList<>()).add(task.id());
      }
      for (int lock : task.holds()) {
        holders.computeIfAbsent(lock, id -> new ArrayList<>()).add(task.id());
      }
      if (task.executor() != null) {
        Map<Integer, List<Long>> list = task.state() == TaskState.QUEUED ? queued : running;
        list.computeIfAbsent(task.executor(), id -> new ArrayList<>()).add(task.id());
      }
    }
    Map<Integer, ObjectInfo> objects = new LinkedHashMap<>();
    for (ObjectInfo o : dump.objects().values()) {
      Boolean done = o.done();
      String state = o.state();
      if (o.kind() == ObjectKind.FUTURE && Boolean.TRUE.equals(done) && o.producer() != null) {
        TaskState producer = states.get(o.producer());
        boolean notStarted =
            dump.task(o.producer()).isPresent() && !unknownIds.contains(o.producer());
        // Done at dump time, but its producer had not finished (or not started) then.
        if (producer != null ? !producer.terminal() : notStarted) {
          done = false;
          state = null;
        }
      }
      ExecutorInfo executor = o.executor();
      if (executor != null) {
        executor =
            new ExecutorInfo(
                executor.executorKind(),
                executor.poolSize(),
                executor.corePoolSize(),
                executor.maximumPoolSize(),
                executor.parallelism(),
                null,
                null,
                queued.getOrDefault(o.id(), List.of()),
                running.getOrDefault(o.id(), List.of()));
      }
      objects.put(
          o.id(),
          new ObjectInfo(
              o.id(),
              o.kind(),
              o.className(),
              o.identity(),
              done,
              state,
              o.producer(),
              holders.getOrDefault(o.id(), List.of()),
              null,
              o.thread(),
              waiters.getOrDefault(o.id(), List.of()),
              o.sources(),
              executor));
    }
    return objects;
  }
}
