package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records tasks: the task table, the event history and the counts of what was dropped.
 *
 * <p>The task table holds live tasks and recently finished ones alike: a task takes a slot when it
 * starts and stays in it after it ends, until a task started later needs the slot. So ending a task
 * touches no shared table at all (its terminal state is its last write), and starting one takes a
 * slot that is free or holds a finished task in one compare-and-set, which also hands the finished
 * record back for reuse. Dumps write the live tasks and the most recently ended of the finished
 * ones, up to {@code maxFinishedTasks}.
 *
 * <p>Assumptions and guarantees:
 *
 * <ol>
 *   <li>No method takes a lock, parks, or throws to its caller; when no slot is free the record is
 *       dropped and counted.
 *   <li>Memory is bounded by the options: a table of {@code maxLiveTasks + maxFinishedTasks} slots
 *       (rounded up to a power of two), {@code maxEvents} events (in one ring per {@link Stripes
 *       stripe}, each a power of two).
 *   <li>A live task is in exactly one slot from its start until it ends, and is never displaced; a
 *       finished task stays in its slot until a later task takes it. Readers see the table weakly
 *       consistently (a task that starts or ends during a dump may or may not be in it).
 * </ol>
 */
public final class Recorder {
  /** The recorder in use, or null before the agent is installed. */
  static volatile Recorder active;

  private static final int PROBES = 64;

  final Registry registry;
  final RecorderSettings settings;
  final long originNanos = System.nanoTime();
  final long originEpochMillis = System.currentTimeMillis();

  /** The event history, one ring per stripe: a task's events go to its stripe's. */
  final EventRing[] events;

  private final TaskIds ids = new TaskIds();
  private final AtomicReferenceArray<TaskRecord> table;
  private final int tableMask;
  final LongAdder droppedTasks = new LongAdder();
  final LongAdder droppedHolds = new LongAdder();
  static final LongAdder internalErrors = new LongAdder();

  public Recorder(Registry registry, RecorderSettings settings) {
    this.registry = registry;
    this.settings = settings;
    this.table = new AtomicReferenceArray<>(tableSize(settings));
    this.tableMask = table.length() - 1;
    this.events = new EventRing[Stripes.COUNT];
    int perStripe = settings.maxEvents <= 0 ? 0 : Math.max(1, settings.maxEvents / Stripes.COUNT);
    for (int s = 0; s < events.length; s++) {
      events[s] = new EventRing(perStripe);
    }
  }

  /** Room for the live and the retained finished tasks, as a power of two. */
  static int tableSize(RecorderSettings settings) {
    long wanted = (long) settings.maxLiveTasks + Math.max(0, settings.maxFinishedTasks);
    return (int) Math.min(1 << 30, Long.highestOneBit(Math.max(2, wanted - 1) << 1));
  }

  /** Makes {@code recorder} the one woven code reports to. */
  public static void activate(Recorder recorder) {
    active = recorder;
  }

  public static Recorder active() {
    return active;
  }

  long now() {
    return System.nanoTime() - originNanos;
  }

  TaskRecord start(MethodSite method, TaskRecord parent, ThreadState thread) {
    long id = ids.next(thread.stripe); // before the clock: see totalTasks
    long now = now();
    TaskRecord task = claim(id);
    task.init(id, method, null, parent, thread, now, null);
    return task;
  }

  /** A task for work handed off at {@code site}; QUEUED until {@link #begin} on a worker. */
  TaskRecord startSpawned(
      SpawnSite site, TaskRecord parent, ThreadState submitter, Object executor) {
    long id = ids.next(submitter.stripe);
    long now = now();
    TaskRecord task = claim(id);
    task.init(id, site.method, site, parent, submitter, now, executor);
    return task;
  }

  /** A QUEUED task's work starts on {@code thread}. */
  void begin(TaskRecord task, ThreadState thread) {
    task.thread = thread;
    task.stripe = thread.stripe;
    transition(task, TaskStates.RUNNING, null);
  }

  void transition(TaskRecord task, int next, AwaitSite site) {
    transition(task, next, site, now());
  }

  void transition(TaskRecord task, int next, AwaitSite site, long now) {
    task.moveTo(next, now);
    record(task, task.id, now, next, site == null ? 0 : site.id);
  }

  /**
   * Writes a task's event, after the event of its start if that is still pending: the start of a
   * task costs no claim of the ring of its own.
   */
  private void record(TaskRecord task, long id, long now, int state, int point) {
    EventRing ring = events[task.stripe];
    if (task.startPending) {
      ring.recordPair(task.start, id, task.initialState(), 0, now, state, point);
      task.startPending = false; // after the write: a dump meanwhile may see it twice, never none
    } else {
      ring.record(now, id, state, point);
    }
  }

  /**
   * Ends a task: statistics, event, terminal state. The task stays in its slot of the table, now
   * finished; the terminal state is the last thing written to its record, since from then on a
   * starting task may take the slot and reuse the record.
   */
  void finish(TaskRecord task, int outcome, Throwable error) {
    if (TaskStates.terminal(task.state)) {
      return;
    }
    long now = now();
    if (error != null) {
      task.failure = FailureInfo.of(error, settings.errorMessages);
    }
    task.thread = null;
    task.awaitSite = null;
    task.awaited = null;
    task.executor = null;
    // Locks it still holds (released later by untraced code, or never) are no longer its: a
    // finished task keeps no application object.
    task.held = null;
    task.heldCount = 0;
    task.end = now;
    task.charge(now);
    long id = task.id;
    record(task, id, now, outcome, 0);
    task.stats().recordTask(task, outcome, now - task.start);
    task.publish(outcome);
  }

  /**
   * Ends a task whose future completed. Its binding called this once and is dropped by the future
   * now, so the record may be reused like any other. The end is written to the stripe of the thread
   * that completed the future, usually another than the task's: the one whose cache has the lines.
   */
  void finishAsync(TaskRecord task, int outcome, Throwable error) {
    task.binding = null;
    if (!TaskStates.terminal(task.state)) {
      task.recyclable = true;
      task.stripe = Stripes.current();
    }
    finish(task, outcome, error);
  }

  /**
   * A record for task {@code id}, RESERVED, in the table: the first slot, from the one the id
   * names, that is free or holds a finished task. A finished record nothing else refers to ({@link
   * TaskRecord#recyclable}) is reused where it is; any other is replaced by a new one. Without such
   * a slot within {@link #PROBES}, the task is dropped (counted): a new record in no slot, in no
   * dump.
   */
  private TaskRecord claim(long id) {
    TaskRecord fresh = null;
    int home = (int) id;
    for (int i = 0; i < PROBES; i++) {
      int slot = (home + i) & tableMask;
      TaskRecord old = table.get(slot);
      int state = old == null ? TaskStates.RESERVED : old.state;
      if (old != null && !TaskStates.terminal(state)) {
        continue; // live, or being started
      }
      if (old != null && old.recyclable) {
        if (old.reserve(state)) {
          if (old.recyclable) {
            return old; // it keeps its slot
          }
          old.unreserve(state); // reused and ended again meanwhile, as a task not to be reused
        }
        continue;
      }
      fresh = fresh != null ? fresh : new TaskRecord();
      if (table.compareAndSet(slot, old, fresh)) {
        fresh.slot = slot;
        return fresh;
      }
    }
    droppedTasks.increment();
    return fresh != null ? fresh : new TaskRecord();
  }

  /** How many events each ring has written so far: where a dump cuts the history. */
  long[] eventsWritten() {
    long[] written = new long[events.length];
    for (int s = 0; s < events.length; s++) {
      written[s] = events[s].written();
    }
    return written;
  }

  /** Events lost to overwriting so far, in all rings. */
  long eventsOverwritten() {
    long lost = 0;
    for (EventRing ring : events) {
      lost += ring.overwritten();
    }
    return lost;
  }

  int tableCapacity() {
    return table.length();
  }

  /** The task in {@code slot}, live or finished, or null. */
  TaskRecord taskAt(int slot) {
    return table.getAcquire(slot);
  }

  /**
   * The live tasks that have waited (BLOCKED, SUSPENDED or QUEUED) for at least {@code nanos}
   * without a change of state: for each, its id and its transition count, which together name one
   * episode of waiting. Read without locking, for the watchdog.
   */
  public long[] waitingLongerThan(long nanos) {
    long now = now();
    long[] found = new long[16];
    int n = 0;
    for (int slot = 0; slot < table.length(); slot++) {
      TaskRecord task = table.getAcquire(slot);
      if (task == null) {
        continue;
      }
      int state = task.state;
      boolean waiting =
          state == TaskStates.BLOCKED
              || state == TaskStates.SUSPENDED
              || state == TaskStates.QUEUED;
      long id = task.id;
      int transitions = task.transitions;
      if (waiting && now - task.stateSince >= nanos && task.sameTask(id)) {
        if (n + 2 > found.length) {
          found = java.util.Arrays.copyOf(found, found.length * 2);
        }
        found[n++] = id;
        found[n++] = transitions;
      }
    }
    return java.util.Arrays.copyOf(found, n);
  }

  /** The live tasks in the table now (weakly consistent). */
  long liveCount() {
    long count = 0;
    for (int slot = 0; slot < table.length(); slot++) {
      TaskRecord task = table.getAcquire(slot);
      count += task != null && TaskStates.live(task.state) ? 1 : 0;
    }
    return count;
  }

  /**
   * Tasks started so far. A task takes its id before it reads the clock, so every task that started
   * before a moment read from {@link #now} is counted by a call after it ({@link TaskIds} says how
   * exact the count is).
   */
  long totalTasks() {
    return ids.issued();
  }

  /** Counts an error inside the agent; the application never sees it. */
  static void internalError(Throwable error) {
    internalErrors.increment();
    AgentLog.internalError(error);
  }
}
