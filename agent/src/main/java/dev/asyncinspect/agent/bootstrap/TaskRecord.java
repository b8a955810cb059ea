package dev.asyncinspect.agent.bootstrap;

import java.lang.ref.WeakReference;

/**
 * One traced task.
 *
 * <p>Concurrency: while the task runs, only its thread writes it; after an ASYNC task is SUSPENDED,
 * only the thread that completes its future does. Every change of state writes the other fields
 * first and {@link #state} last (a release store), so a dump that reads {@code state} first sees
 * the fields of that state or a later one. Dumps read without locking and accept that a task may
 * move on while they read it.
 *
 * <p>Reuse: a record that nothing outside the recorder refers to any more (a SYNC or ASYNC task
 * that has ended, whose future's callback, if it had one, has run; a SPAWNED task that has ended,
 * whose wrapper checks the id before it acts: {@link #recyclable}) is used again, in its slot of
 * the task table, by a task started later that needs the slot ({@link Recorder}), so that a traced
 * call allocates nothing. That task {@link #reserve}s it with a compare-and-set of its state, then
 * {@link #init} writes the new {@link #id} first, behind a store-store fence, so a dump that read a
 * record whole and finds the same id afterwards read one task (a seqlock with the id as its
 * version; {@link #sameTask}).
 */
final class TaskRecord {
  private static final java.lang.invoke.VarHandle STATE;

  static {
    try {
      STATE =
          java.lang.invoke.MethodHandles.lookup()
              .findVarHandle(TaskRecord.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Written only by {@link #reuse} (and the constructor), first; read with {@link #sameTask}. */
  long id;

  /** The traced method whose call started it; for a SPAWNED task, the one that handed it off. */
  MethodSite method;

  /** For a SPAWNED task, where it was handed off; null for ASYNC and SYNC tasks. */
  SpawnSite spawn;

  long parentId;
  long startThreadId;
  long start;

  volatile int state;

  /**
   * Whether the event of its start (RUNNING, or QUEUED for a SPAWNED task, at {@link #start}) is
   * still to be written: it is written with the task's next event, in one claim of the ring, and a
   * dump that finds it pending writes it from this record.
   */
  boolean startPending;

  long stateSince;
  int transitions;
  long runningNanos;
  long blockedNanos;
  long suspendedNanos;
  long end;

  /** The thread it runs on, while RUNNING or BLOCKED. */
  ThreadState thread;

  /**
   * The stripe its events and statistics go to ({@link Stripes}): its thread's, or for a SPAWNED
   * task the submitter's until it begins on a worker; the end of an ASYNC task goes to the stripe
   * of the thread that completed its future.
   */
  int stripe;

  /** The task that was current on the thread before this one started; restored when it ends. */
  TaskRecord callerOnThread;

  /** While BLOCKED: the await point and the object waited on (held only during the wait). */
  AwaitSite awaitSite;

  Object awaited;

  /** Locks and monitors acquired at await points and not yet released, oldest first. */
  Object[] held;

  int heldCount;

  /** For an ASYNC or SPAWNED task whose future is pending. */
  FutureBinding binding;

  /**
   * For a SPAWNED task not yet finished: the executor it was handed to (null: a new thread). Held
   * weakly: work that never runs (an executor shut down with work queued) leaves its task QUEUED
   * for good, and that must not keep the executor alive.
   */
  WeakReference<Object> executor;

  FailureInfo failure;

  /** Index in the task table, or -1 when no slot was free (the task is then not in dumps). */
  int slot = -1;

  /** Whether no one but the recorder refers to it, so that it may be reused when it has ended. */
  boolean recyclable;

  /** A new record, RESERVED for the task its claimer is about to start in it ({@link #init}). */
  TaskRecord() {
    STATE.setRelease(this, TaskStates.RESERVED);
  }

  /**
   * Makes this record, new or an ended one {@link #reserve}d, task {@code id}, started now: RUNNING
   * on {@code thread}, or for a SPAWNED task ({@code spawn} not null) QUEUED, handed off by {@code
   * thread} to {@code executor}. The id is written first, behind a store-store fence, the state
   * last.
   */
  void init(
      long id,
      MethodSite method,
      SpawnSite spawn,
      TaskRecord parent,
      ThreadState thread,
      long now,
      Object executor) {
    this.id = id;
    java.lang.invoke.VarHandle.storeStoreFence();
    this.method = method;
    this.spawn = spawn;
    this.parentId = parent == null ? 0 : parent.id;
    this.startThreadId = thread.threadId;
    this.start = now;
    this.stateSince = now;
    this.transitions = 1;
    this.startPending = true;
    this.runningNanos = 0;
    this.blockedNanos = 0;
    this.suspendedNanos = 0;
    this.end = 0;
    this.thread = spawn == null ? thread : null;
    this.stripe = thread.stripe;
    this.callerOnThread = null;
    this.awaitSite = null;
    this.awaited = null;
    this.held = null;
    this.heldCount = 0;
    this.binding = null;
    this.executor = spawn == null ? null : spawn.executorRef(executor);
    this.failure = null;
    this.recyclable = true;
    STATE.setRelease(this, spawn == null ? TaskStates.RUNNING : TaskStates.QUEUED);
  }

  /**
   * Takes this ended record, whose state was {@code ended}, for a new task: true when no one took
   * it first. The caller then checks {@link #recyclable} again (the record may have been reused and
   * ended again meanwhile) and {@link #unreserve}s it when it is not.
   */
  boolean reserve(int ended) {
    return STATE.compareAndSet(this, ended, TaskStates.RESERVED);
  }

  /** Gives back a record {@link #reserve}d from state {@code ended} and not to be reused. */
  void unreserve(int ended) {
    STATE.setRelease(this, ended);
  }

  /**
   * Whether this record still is task {@code id}, after a reader read its fields: false when it was
   * reused meanwhile (what was read may then mix two tasks).
   */
  boolean sameTask(long id) {
    java.lang.invoke.VarHandle.acquireFence();
    return this.id == id;
  }

  /** The state it started in: QUEUED for a SPAWNED task, else RUNNING. */
  int initialState() {
    return spawn != null ? TaskStates.QUEUED : TaskStates.RUNNING;
  }

  Stats stats() {
    return spawn != null ? spawn.stats : method.stats;
  }

  /** Moves to {@code next}, charging the time since the last change to the state it leaves. */
  void moveTo(int next, long now) {
    charge(now);
    publish(next);
  }

  /** Charges the time since the last change to the current state, and counts a change. */
  void charge(long now) {
    long spent = now - stateSince;
    switch (state) {
      case TaskStates.RUNNING:
        runningNanos += spent;
        break;
      case TaskStates.BLOCKED:
        blockedNanos += spent;
        break;
      case TaskStates.SUSPENDED:
        suspendedNanos += spent;
        break;
      default:
        break;
    }
    stateSince = now;
    transitions++;
  }

  /** Enters {@code next}, after {@link #charge}: the fields written before are visible with it. */
  void publish(int next) {
    STATE.setRelease(this, next);
  }

  /** Records that this task now holds {@code lock}; false when its table of holds is full. */
  boolean hold(Object lock) {
    Object[] table = held;
    if (table == null) {
      table = held = new Object[4];
    } else if (heldCount == table.length) {
      if (table.length >= 64) {
        return false;
      }
      table = held = java.util.Arrays.copyOf(table, table.length * 2);
    }
    table[heldCount++] = lock;
    return true;
  }

  /** Forgets the most recent hold of {@code lock}, if this task has one. */
  void release(Object lock) {
    Object[] table = held;
    for (int i = heldCount - 1; i >= 0; i--) {
      if (table[i] == lock) {
        System.arraycopy(table, i + 1, table, i, heldCount - i - 1);
        table[--heldCount] = null;
        return;
      }
    }
  }

  /** Hands the locks this task still holds to {@code heir}, which runs on the same thread. */
  void passHeldTo(TaskRecord heir) {
    for (int i = 0; i < heldCount; i++) {
      heir.hold(held[i]);
    }
    held = null;
    heldCount = 0;
  }

  /** A copy of the held locks, for a dump; tolerates concurrent change. */
  Object[] heldSnapshot() {
    Object[] table = held;
    int count = Math.min(heldCount, table == null ? 0 : table.length);
    return count == 0 ? new Object[0] : java.util.Arrays.copyOf(table, count);
  }
}
