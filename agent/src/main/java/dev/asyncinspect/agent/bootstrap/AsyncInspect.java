package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * The facade that woven code calls. Every method is static, returns quickly, never blocks and never
 * throws: an internal error is counted and the application goes on as if untraced.
 *
 * <p>Traced methods call {@link #enter} and {@link #exit}/{@link #exitAsync}; await points call
 * {@link #awaitStart} before the waiting call, {@link #awaitEnd} (or {@link #awaitEndAcquired})
 * after it returns, and {@link #handlerEntered} runs at the start of every exception handler of a
 * traced method, which is where a wait that threw ends. {@link #released} runs before {@code
 * Lock.unlock} and {@code monitorexit}.
 *
 * <p>Spawn points (calls that hand work to another thread) pass each function they hand off through
 * one of the {@code spawn} methods, which return it wrapped as a SPAWNED task when a traced task is
 * current (and unchanged otherwise), then call {@link #handedOff} with what the call returned.
 */
public final class AsyncInspect {
  /** Starts a task for the traced method {@code methodId}; returns it for {@link #exit}. */
  public static Object enter(int methodId) {
    try {
      Recorder recorder = Recorder.active;
      if (recorder == null) {
        return null;
      }
      MethodSite method = recorder.registry.method(methodId);
      if (method == null) {
        return null;
      }
      ThreadState thread = ThreadState.current();
      TaskRecord parent = thread.current;
      TaskRecord task = recorder.start(method, parent, thread);
      task.callerOnThread = parent;
      thread.current = task;
      return task;
    } catch (Throwable e) {
      Recorder.internalError(e);
      return null;
    }
  }

  /** Ends a SYNC task when its method returns ({@code thrown == null}) or throws. */
  public static void exit(Object handle, Throwable thrown) {
    try {
      if (handle instanceof TaskRecord) {
        TaskRecord task = (TaskRecord) handle;
        Recorder recorder = Recorder.active;
        leaveThread(task);
        if (recorder != null) {
          endOpenWait(recorder, task, thrown);
          recorder.finish(task, thrown == null ? TaskStates.COMPLETED : TaskStates.FAILED, thrown);
        }
      }
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  /**
   * Leaves the method of an ASYNC task. The task ends now if the method threw or returned a
   * finished future; otherwise it is SUSPENDED until the future completes. The future is not
   * replaced: the caller gets the very object the method returned.
   */
  public static void exitAsync(Object handle, Object returned, Throwable thrown) {
    try {
      if (!(handle instanceof TaskRecord)) {
        return;
      }
      TaskRecord task = (TaskRecord) handle;
      Recorder recorder = Recorder.active;
      leaveThread(task);
      if (recorder == null) {
        return;
      }
      endOpenWait(recorder, task, thrown);
      if (thrown != null) {
        recorder.finish(task, TaskStates.FAILED, thrown);
      } else if (returned instanceof CompletableFuture) {
        CompletableFuture<?> future = (CompletableFuture<?>) returned;
        if (!future.isDone()) {
          suspend(recorder, task, returned);
          CompletionCallbacks.register(future, task.binding);
        } else if (!future.isCompletedExceptionally()) {
          recorder.finish(task, TaskStates.COMPLETED, null);
        } else {
          // Already failed or cancelled: the callback runs at once and ends the task with the
          // future's exception (JDK 17 has no exceptionNow()), never passing through SUSPENDED.
          task.recyclable = false;
          CompletionCallbacks.register(future, new FutureBinding(task, future));
        }
      } else if (returned instanceof CompletionStage) {
        suspend(recorder, task, returned);
        ((CompletionStage<?>) returned).whenComplete(task.binding);
      } else if (returned instanceof Future) {
        Future<?> future = (Future<?>) returned;
        if (future.isDone()) {
          recorder.finish(
              task, future.isCancelled() ? TaskStates.CANCELLED : TaskStates.COMPLETED, null);
        } else {
          suspend(recorder, task, returned);
        }
      } else {
        recorder.finish(task, TaskStates.COMPLETED, null);
      }
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  /**
   * Before a waiting call at await point {@code siteId}; {@code awaited} may be null. Returns the
   * task that now waits, for {@link #awaitEnd(Object)}, or null when none does.
   */
  public static Object awaitStart(Object awaited, int siteId) {
    try {
      Recorder recorder = Recorder.active;
      TaskRecord task = ThreadState.currentTask();
      if (recorder == null || task == null) {
        return null;
      }
      AwaitSite site = recorder.registry.awaitSite(siteId);
      if (task.state == TaskStates.BLOCKED) {
        endWait(recorder, task, false, false);
      }
      if (site != null && site.onFuture && DoneFutures.completedNormally(awaited)) {
        // The call returns at once with the value: a wait of no time, counted without a change
        // of state (and without reading the clock, the largest part of a wait's cost). A failed
        // future goes the whole way, so that the wait that threw is in the task's history.
        site.stats.recordInstantWait(task.stripe);
        return null;
      }
      task.awaitSite = site;
      task.awaited = awaited;
      recorder.transition(task, TaskStates.BLOCKED, site);
      return task;
    } catch (Throwable e) {
      Recorder.internalError(e);
      return null;
    }
  }

  /**
   * After the waiting call returned normally; {@code waiting} is what {@link #awaitStart} returned
   * (kept by the woven code, so that this needs no look-up of the thread's state).
   */
  public static void awaitEnd(Object waiting) {
    if (waiting instanceof TaskRecord) {
      AwaitSite site = ((TaskRecord) waiting).awaitSite; // null unless it still waits
      awaitEndAcquired(site != null && site.acquires == AwaitSite.ACQUIRES_ALWAYS, waiting);
    }
  }

  /**
   * After a {@code tryLock} returned {@code acquired}; {@code waiting} as for {@link #awaitEnd}.
   */
  public static void awaitEndAcquired(boolean acquired, Object waiting) {
    try {
      Recorder recorder = Recorder.active;
      if (recorder != null && waiting instanceof TaskRecord) {
        TaskRecord task = (TaskRecord) waiting;
        if (task.state == TaskStates.BLOCKED) {
          endWait(recorder, task, acquired, false);
        }
      }
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  /**
   * The current thread's task, for {@link #awaitEnd} in class files older than Java 7, where the
   * woven code keeps no local variable of its own.
   */
  public static Object waitingTask() {
    try {
      return ThreadState.currentTask();
    } catch (Throwable e) {
      Recorder.internalError(e);
      return null;
    }
  }

  /**
   * At the start of an exception handler in a traced method: a wait that threw ends here, and so
   * does a hand-off that threw (an executor that rejected the work).
   */
  public static void handlerEntered() {
    try {
      Recorder recorder = Recorder.active;
      ThreadState thread = ThreadState.current();
      TaskRecord task = thread.current;
      if (recorder != null && task != null && task.state == TaskStates.BLOCKED) {
        endWait(recorder, task, false, true);
      }
      Handoffs.abandon(recorder, thread);
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  /** Before {@code Lock.unlock()} or {@code monitorexit} on {@code lock} in traced code. */
  public static void released(Object lock) {
    try {
      TaskRecord task = ThreadState.currentTask();
      if (task != null && lock != null) {
        task.release(lock);
      }
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  private static void endWait(Recorder recorder, TaskRecord task, boolean acquired, boolean threw) {
    AwaitSite site = task.awaitSite;
    Object awaited = task.awaited;
    long now = recorder.now();
    if (site != null) {
      site.stats.recordWait(task.stripe, now - task.stateSince, threw);
    }
    if (acquired && awaited != null && !task.hold(awaited)) {
      recorder.droppedHolds.increment();
    }
    task.awaitSite = null;
    task.awaited = null;
    recorder.transition(task, TaskStates.RUNNING, null, now);
  }

  /**
   * A wait still open when the method ends threw, and nothing in the method caught it: it ends
   * here.
   */
  static void endOpenWait(Recorder recorder, TaskRecord task, Throwable thrown) {
    if (task.state == TaskStates.BLOCKED) {
      endWait(recorder, task, false, thrown != null);
    }
  }

  private static void suspend(Recorder recorder, TaskRecord task, Object future) {
    task.recyclable = false; // the future's callback refers to it from now on
    task.binding = new FutureBinding(task, future);
    recorder.transition(task, TaskStates.SUSPENDED, null);
  }

  /** The task's method has returned: the thread goes back to the task that called it. */
  private static void leaveThread(TaskRecord task) {
    ThreadState thread = task.thread;
    if (thread != null) {
      Handoffs.abandon(Recorder.active, thread);
      thread.current = task.callerOnThread;
      if (task.heldCount > 0 && task.callerOnThread != null) {
        task.passHeldTo(task.callerOnThread);
      }
    }
    task.thread = null;
    task.callerOnThread = null;
  }

  private AsyncInspect() {}
}
