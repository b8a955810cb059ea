package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records tasks: the live table, the ring of recently finished tasks, the event history and the
 * counts of what was dropped.
 *
 * <p>Assumptions and guarantees:
 *
 * <ol>
 *   <li>No method takes a lock, parks, or throws to its caller; when a table is full the record is
 *       dropped and counted.
 *   <li>Memory is bounded by the options: {@code maxLiveTasks} slots, {@code maxFinishedTasks}
 *       retained finished tasks, {@code maxEvents} events.
 *   <li>A live task is in exactly one slot from its start until it ends; readers see the tables
 *       weakly consistently (a task that starts or ends during a dump may or may not be in it).
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
  final EventRing events;

  private final AtomicLong nextTaskId = new AtomicLong(1);
  private final AtomicReferenceArray<TaskRecord> live;
  private final int liveMask;
  private final AtomicReferenceArray<TaskRecord> finished;
  private final AtomicLong finishedCount = new AtomicLong();
  final LongAdder droppedTasks = new LongAdder();
  final LongAdder droppedHolds = new LongAdder();
  static final LongAdder internalErrors = new LongAdder();

  public Recorder(Registry registry, RecorderSettings settings) {
    this.registry = registry;
    this.settings = settings;
    int liveSize = Integer.highestOneBit(Math.max(2, settings.maxLiveTasks - 1) << 1);
    this.live = new AtomicReferenceArray<>(liveSize);
    this.liveMask = liveSize - 1;
    this.finished = new AtomicReferenceArray<>(Math.max(0, settings.maxFinishedTasks));
    this.events = new EventRing(settings.maxEvents);
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
    long now = now();
    long id = nextTaskId.getAndIncrement();
    TaskRecord task = thread.takeSpare();
    if (task == null) {
      task = new TaskRecord(id, method, parent, thread, now);
    } else {
      task.reuse(id, method, parent, thread, now);
    }
    claimSlot(task);
    events.record(now, task.id, TaskStates.RUNNING, 0);
    return task;
  }

  /** A task for work handed off at {@code site}; QUEUED until {@link #begin} on a worker. */
  TaskRecord startSpawned(
      SpawnSite site, TaskRecord parent, ThreadState submitter, Object executor) {
    long now = now();
    TaskRecord task =
        new TaskRecord(nextTaskId.getAndIncrement(), site, parent, submitter, now, executor);
    claimSlot(task);
    events.record(now, task.id, TaskStates.QUEUED, 0);
    return task;
  }

  /** A QUEUED task's work starts on {@code thread}. */
  void begin(TaskRecord task, ThreadState thread) {
    task.thread = thread;
    transition(task, TaskStates.RUNNING, null);
  }

  void transition(TaskRecord task, int next, AwaitSite site) {
    transition(task, next, site, now());
  }

  void transition(TaskRecord task, int next, AwaitSite site, long now) {
    task.moveTo(next, now);
    events.record(now, task.id, next, site == null ? 0 : site.id);
  }

  /** Ends a task: terminal state, statistics, out of the live table into the finished ring. */
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
    task.moveTo(outcome, now);
    events.record(now, task.id, outcome, 0);
    task.stats().recordTask(task, now - task.start);
    releaseSlot(task);
    TaskRecord free = retain(task);
    if (free != null && free.recyclable) {
      ThreadState.current().giveSpare(free);
    }
  }

  /**
   * Ends a task whose future completed. Its binding called this once and is dropped by the future
   * now, so an ASYNC task's record may be reused like any other (a SPAWNED task's wrapper may still
   * be held by an executor, so its record never is).
   */
  void finishAsync(TaskRecord task, int outcome, Throwable error) {
    task.binding = null;
    if (task.spawn == null && !TaskStates.terminal(task.state)) {
      task.recyclable = true;
    }
    finish(task, outcome, error);
  }

  private void claimSlot(TaskRecord task) {
    int start = (int) task.id;
    for (int i = 0; i < PROBES; i++) {
      int slot = (start + i) & liveMask;
      if (live.get(slot) == null && live.compareAndSet(slot, null, task)) {
        task.slot = slot;
        return;
      }
    }
    droppedTasks.increment();
  }

  private void releaseSlot(TaskRecord task) {
    int slot = task.slot;
    if (slot >= 0) {
      live.setRelease(slot, null);
    }
  }

  /**
   * Puts an ended task into the ring of finished tasks; returns the record that no table holds any
   * more as a result: the oldest one, pushed out of the ring, or {@code task} itself when it is not
   * kept (no ring, or it never had a live slot, so no dump has seen it). Null when none.
   */
  private TaskRecord retain(TaskRecord task) {
    int capacity = finished.length();
    if (capacity == 0 || task.slot < 0) {
      return task;
    }
    long seq = finishedCount.getAndIncrement();
    return finished.getAndSet((int) (seq % capacity), task);
  }

  int liveCapacity() {
    return live.length();
  }

  TaskRecord liveAt(int slot) {
    return live.getAcquire(slot);
  }

  int finishedCapacity() {
    return finished.length();
  }

  TaskRecord finishedAt(int index) {
    return finished.get(index);
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
    for (int slot = 0; slot < live.length(); slot++) {
      TaskRecord task = live.getAcquire(slot);
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

  /** The tasks in the live table now (weakly consistent). */
  long liveCount() {
    long count = 0;
    for (int slot = 0; slot < live.length(); slot++) {
      count += live.getAcquire(slot) == null ? 0 : 1;
    }
    return count;
  }

  long totalTasks() {
    return nextTaskId.get() - 1;
  }

  long droppedFinished() {
    return Math.max(0, finishedCount.get() - finished.length());
  }

  /** Counts an error inside the agent; the application never sees it. */
  static void internalError(Throwable error) {
    internalErrors.increment();
    AgentLog.internalError(error);
  }
}
