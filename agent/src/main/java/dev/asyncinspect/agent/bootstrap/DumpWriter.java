package dev.asyncinspect.agent.bootstrap;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Writes a dump (docs/dump-format.md) of what a recorder knows now. It reads the recorder without
 * stopping the application: tasks that change while it reads are written in one of their states.
 */
public final class DumpWriter {
  static final String FORMAT_VERSION = "1.2";

  private final Recorder recorder;
  private final String agentVersion;
  private final Map<String, String> options;

  /** Finished tasks started so far that the dump being written leaves out. */
  private long droppedFinished;

  /** Events recorded before the first one the dump being written has. */
  private long droppedEvents;

  public DumpWriter(Recorder recorder, String agentVersion, Map<String, String> options) {
    this.recorder = recorder;
    this.agentVersion = agentVersion;
    this.options = options;
  }

  /**
   * Writes a dump to {@code path} atomically; {@code reason} is {@code exit}, {@code interval}...
   */
  public void write(Path path, String reason) throws IOException {
    try (DumpOutput out = new DumpOutput(path)) {
      write(out, reason);
    }
  }

  /** What a dump written to a stream holds. */
  public enum Content {
    /** Everything, as in a dump file. */
    FULL,
    /** Live tasks and what they wait on and hold; no finished tasks, statistics or history. */
    LIVE,
    /** The tables and the statistics only. */
    STATS
  }

  /** Writes a dump to {@code stream} (left open), for the control channel. */
  public void write(java.io.OutputStream stream, String reason, Content content)
      throws IOException {
    try (DumpOutput out = new DumpOutput(stream)) {
      write(out, reason, content);
    }
  }

  private void write(DumpOutput out, String reason) throws IOException {
    write(out, reason, Content.FULL);
  }

  private synchronized void write(DumpOutput out, String reason, Content content)
      throws IOException {
    completeDoneFutures();
    long dumpNanos = recorder.now();
    droppedEvents = recorder.eventsOverwritten();
    List<Seen> tasks = tasks(content == Content.FULL, dumpNanos);
    if (content == Content.STATS) {
      tasks = List.of();
    }
    ObjectTable objects = new ObjectTable();
    ThreadRecords threads = new ThreadRecords();
    JsonLine line = new JsonLine();
    List<String> taskLines = new ArrayList<>(tasks.size());
    for (Seen seen : tasks) {
      String taskLine = TaskLines.task(line, seen.task, seen.id, objects, threads);
      if (taskLine != null) {
        taskLines.add(taskLine);
      }
    }
    objects.linkSources();
    if (content != Content.STATS) {
      threads.findJvmDeadlocks();
    }
    if (content == Content.FULL && "request".equals(reason)) {
      threads.addAllPlatformThreads();
    }
    if (content != Content.STATS) {
      SeenThreads.addTo(threads);
    }
    // Classes may be woven while the dump is written. The tables are cut here, after the tasks
    // were read and before the event history is, so that every record refers only to methods and
    // points the tables hold: each was registered before anything could refer to it.
    Registry registry = recorder.registry;
    long[] eventLimits = recorder.eventsWritten();
    int methodCount = registry.methodCount();
    int awaitSiteCount = registry.awaitSiteCount();
    int spawnSiteCount = registry.spawnSiteCount();
    out.line(header(line, dumpNanos, reason), "header");
    // Methods whose class failed to weave (and their points) are left out: nothing runs them.
    for (int id = 1; id <= methodCount; id++) {
      if (!registry.method(id).unwoven) {
        out.line(TaskLines.method(line, registry.method(id)), "method");
      }
    }
    for (int id = 1; id <= awaitSiteCount; id++) {
      if (!registry.awaitSite(id).method.unwoven) {
        out.line(TaskLines.awaitPoint(line, registry.awaitSite(id)), "awaitPoint");
      }
    }
    for (int id = 1; id <= spawnSiteCount; id++) {
      if (!registry.spawnSite(id).method.unwoven) {
        out.line(TaskLines.spawnPoint(line, registry.spawnSite(id)), "spawnPoint");
      }
    }
    threads.write(line, out);
    for (String taskLine : taskLines) {
      out.line(taskLine, "task");
    }
    objects.write(line, out);
    writePinned(line, out);
    if (content == Content.LIVE) {
      out.line(end(line, out.counts()), "end");
      out.commit();
      return;
    }
    for (int id = 1; id <= methodCount; id++) {
      if (!registry.method(id).unwoven) {
        out.line(
            TaskLines.stats(line, "methodStats", "method", id, registry.method(id).stats),
            "methodStats");
      }
    }
    for (int id = 1; id <= awaitSiteCount; id++) {
      if (!registry.awaitSite(id).method.unwoven) {
        out.line(
            TaskLines.stats(line, "pointStats", "point", id, registry.awaitSite(id).stats),
            "pointStats");
      }
    }
    for (int id = 1; id <= spawnSiteCount; id++) {
      if (!registry.spawnSite(id).method.unwoven) {
        out.line(
            TaskLines.stats(line, "spawnStats", "spawnPoint", id, registry.spawnSite(id).stats),
            "spawnStats");
      }
    }
    if (content == Content.FULL) {
      writeEvents(line, out, eventLimits, tasks);
    }
    out.line(end(line, out.counts()), "end");
    out.commit();
  }

  /**
   * An ASYNC task that returned a plain {@link Future} gets no completion callback; its end is
   * noticed here.
   */
  private void completeDoneFutures() {
    for (int slot = 0; slot < recorder.tableCapacity(); slot++) {
      TaskRecord task = recorder.taskAt(slot);
      if (task == null || task.state != TaskStates.SUSPENDED || task.spawn != null) {
        continue;
      }
      FutureBinding binding = task.binding;
      Object future = binding == null ? null : binding.get();
      if (future instanceof Future
          && !(future instanceof java.util.concurrent.CompletionStage)
          && ((Future<?>) future).isDone()) {
        int outcome =
            ((Future<?>) future).isCancelled() ? TaskStates.CANCELLED : TaskStates.COMPLETED;
        recorder.finishAsync(task, outcome, null);
      }
    }
  }

  /**
   * A task record, and what it had when the dump found it (records are reused): its id, end, and
   * start (time and state) if the event of its start was still to be written.
   */
  private record Seen(
      TaskRecord task, long id, long end, boolean pendingStart, long start, int startState) {}

  /**
   * Live tasks and (if asked for) the most recently ended of the finished ones the table still
   * holds, up to {@code maxFinishedTasks}, each once, in start order, of those started before
   * {@code cut}. Also counts the finished tasks left out ({@link #droppedFinished}).
   */
  private List<Seen> tasks(boolean withFinished, long cut) {
    long total = recorder.totalTasks(); // counts every task started before the cut
    List<Seen> live = new ArrayList<>();
    List<Seen> finished = new ArrayList<>();
    for (int slot = 0; slot < recorder.tableCapacity(); slot++) {
      TaskRecord task = recorder.taskAt(slot);
      if (task == null) {
        continue;
      }
      long id = task.id;
      int state = task.state;
      boolean ended = TaskStates.terminal(state);
      if (!ended && !TaskStates.live(state)) {
        continue; // being started
      }
      long end = task.end;
      boolean pendingStart = task.startPending;
      long start = task.start;
      int startState = task.initialState();
      if (start >= cut || !task.sameTask(id)) {
        continue; // started after the cut (maybe not counted), or reused while read
      }
      (ended ? finished : live).add(new Seen(task, id, end, pendingStart, start, startState));
    }
    int keep = Math.min(finished.size(), Math.max(0, recorder.settings.maxFinishedTasks));
    if (keep < finished.size()) {
      finished.sort(Comparator.comparingLong(Seen::end).thenComparingLong(Seen::id).reversed());
      finished = finished.subList(0, keep);
    }
    // Tasks that started but are neither here nor dropped from the table were finished tasks
    // whose slots later tasks took, or are left out now.
    droppedFinished =
        Math.max(0, total - recorder.droppedTasks.sum() - live.size() - finished.size());
    List<Seen> tasks = new ArrayList<>(live.size() + (withFinished ? finished.size() : 0));
    tasks.addAll(live);
    if (withFinished) {
      tasks.addAll(finished);
    }
    // In start order: ids follow it only along each thread ({@link TaskIds}).
    tasks.sort(Comparator.comparingLong(Seen::start).thenComparingLong(Seen::id));
    return tasks;
  }

  private String header(JsonLine line, long dumpNanos, String reason) {
    line.begin()
        .field("type", "header")
        .field("format", "async-inspect-dump")
        .field("version", FORMAT_VERSION)
        .field("agentVersion", agentVersion)
        .object("jvm")
        .field("name", System.getProperty("java.vm.name"))
        .field("vendor", System.getProperty("java.vm.vendor"))
        .field("version", System.getProperty("java.runtime.version"))
        .endObject()
        .field("pid", ProcessHandle.current().pid());
    line.field("mainClass", mainClass());
    line.field("startTime", Instant.ofEpochMilli(recorder.originEpochMillis).toString())
        .field(
            "dumpTime",
            Instant.ofEpochMilli(recorder.originEpochMillis + dumpNanos / 1_000_000).toString())
        .field("dumpNanos", dumpNanos)
        .field("reason", reason)
        .object("options");
    for (Map.Entry<String, String> option : options.entrySet()) {
      line.field(option.getKey(), option.getValue());
    }
    return line.endObject().end();
  }

  /** The main class or jar the JVM was started with, or null when the JVM does not say. */
  static String mainClass() {
    String command = System.getProperty("sun.java.command", "");
    return command.isBlank() ? null : command.trim().split("\\s+", 2)[0];
  }

  /**
   * The events each ring recorded before its {@code limits} entry, the moment the tables were cut,
   * with the pending starts of the tasks in the dump, in time order ({@link EventHistory}).
   */
  private void writeEvents(JsonLine line, DumpOutput out, long[] limits, List<Seen> tasks)
      throws IOException {
    EventHistory history = new EventHistory();
    long recorded = 0;
    for (int s = 0; s < limits.length; s++) {
      history.addRing(recorder.events[s], limits[s]);
      recorded += limits[s];
    }
    for (Seen seen : tasks) {
      if (seen.pendingStart()) {
        history.addPendingStart(seen.start(), seen.id(), seen.startState());
      }
    }
    IOException[] failure = new IOException[1];
    droppedEvents =
        history.writeTo(
            (seq, time, task, state, point) -> {
              if (failure[0] != null) {
                return;
              }
              line.begin()
                  .field("type", "event")
                  .field("seq", seq)
                  .field("t", time)
                  .field("task", task)
                  .field("state", TaskStates.name(state));
              if (point > 0) {
                line.field("point", point);
              }
              try {
                out.line(line.end(), "event");
              } catch (IOException e) {
                failure[0] = e;
              }
            },
            recorded);
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  private static void writePinned(JsonLine line, DumpOutput out) throws IOException {
    for (PinnedWatch.PinnedEvent e : PinnedWatch.events()) {
      line.begin().field("type", "pinned").field("thread", e.threadId);
      if (e.task > 0) {
        line.field("task", e.task);
      }
      if (e.point > 0) {
        line.field("point", e.point);
      }
      line.field("start", e.start).field("duration", e.duration);
      ThreadRecords.frames(line, "stack", e.stack, e.stack.length);
      out.line(line.end(), "pinned");
    }
  }

  private String end(JsonLine line, Map<String, Long> counts) {
    line.begin().field("type", "end").object("counts");
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      line.field(count.getKey(), count.getValue());
    }
    return line.endObject()
        .object("dropped")
        .field("tasks", recorder.droppedTasks.sum())
        .field("finishedTasks", droppedFinished)
        .field("events", droppedEvents)
        .field("holds", recorder.droppedHolds.sum())
        .field("pinned", PinnedWatch.dropped())
        .field("internalErrors", Recorder.internalErrors.sum())
        .endObject()
        .field("totalTasks", recorder.totalTasks())
        .end();
  }
}
