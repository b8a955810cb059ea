package dev.asyncinspect.agent.bootstrap;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wrappers for work handed to another thread while a traced task runs. Each runs the original
 * function as its SPAWNED task: RUNNING and current on the worker thread while it runs, then
 * COMPLETED or FAILED. Results and exceptions pass through unchanged.
 *
 * <p>Each wrapper keeps its task's id with the record: see {@link #begin}.
 *
 * <p>The wrapper is what the executor or the thread receives instead of the application's function.
 * Where an executor keeps the function (a queue), it therefore sees the wrapper; see
 * docs/agent-options.md for the one consequence that can be observed.
 */
final class SpawnedWork {

  /**
   * Starts {@code task} on this thread, if it still is task {@code id} and QUEUED: the record is
   * reused for another task once this one has ended, while the executor may still hold the wrapper
   * and run it again (a periodic task); such a run runs the work untraced. Returns this thread's
   * state if it started the task (the task that was current here before is its {@code
   * callerOnThread}), else null.
   */
  static ThreadState begin(TaskRecord task, long id) {
    try {
      Recorder recorder = Recorder.active;
      if (recorder == null || task.state != TaskStates.QUEUED || !task.sameTask(id)) {
        return null;
      }
      ThreadState thread = ThreadState.current();
      recorder.begin(task, thread);
      task.callerOnThread = thread.current;
      thread.current = task;
      return thread;
    } catch (Throwable e) {
      Recorder.internalError(e);
      return null;
    }
  }

  /**
   * Ends {@code task}, if {@link #begin} started it (as task {@code id}) on this thread, whose
   * state {@code begin} returned: no look-up of the thread's state.
   */
  static void end(TaskRecord task, long id, ThreadState thread, Throwable thrown) {
    try {
      if (thread == null || thread.current != task || task.id != id) {
        return; // not started by this run
      }
      thread.current = task.callerOnThread;
      task.callerOnThread = null;
      Recorder recorder = Recorder.active;
      if (recorder != null) {
        AsyncInspect.endOpenWait(recorder, task, thrown);
        recorder.finish(task, thrown == null ? TaskStates.COMPLETED : TaskStates.FAILED, thrown);
      }
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  static final class OfRunnable implements Runnable {
    private final Runnable work;
    private final TaskRecord task;
    private final long id;

    OfRunnable(Runnable work, TaskRecord task) {
      this.work = work;
      this.task = task;
      this.id = task.id;
    }

    @Override
    public void run() {
      ThreadState started = begin(task, id);
      try {
        work.run();
      } catch (Throwable e) {
        end(task, id, started, e);
        throw e;
      }
      end(task, id, started, null);
    }
  }

  static final class OfCallable<V> implements Callable<V> {
    private final Callable<V> work;
    private final TaskRecord task;
    private final long id;

    OfCallable(Callable<V> work, TaskRecord task) {
      this.work = work;
      this.task = task;
      this.id = task.id;
    }

    @Override
    public V call() throws Exception {
      ThreadState started = begin(task, id);
      V result;
      try {
        result = work.call();
      } catch (Throwable e) {
        end(task, id, started, e);
        throw e;
      }
      end(task, id, started, null);
      return result;
    }
  }

  static final class OfSupplier<T> implements Supplier<T> {
    private final Supplier<T> work;
    private final TaskRecord task;
    private final long id;

    OfSupplier(Supplier<T> work, TaskRecord task) {
      this.work = work;
      this.task = task;
      this.id = task.id;
    }

    @Override
    public T get() {
      ThreadState started = begin(task, id);
      T result;
      try {
        result = work.get();
      } catch (Throwable e) {
        end(task, id, started, e);
        throw e;
      }
      end(task, id, started, null);
      return result;
    }
  }

  static final class OfFunction<T, R> implements Function<T, R> {
    private final Function<T, R> work;
    private final TaskRecord task;
    private final long id;

    OfFunction(Function<T, R> work, TaskRecord task) {
      this.work = work;
      this.task = task;
      this.id = task.id;
    }

    @Override
    public R apply(T t) {
      ThreadState started = begin(task, id);
      R result;
      try {
        result = work.apply(t);
      } catch (Throwable e) {
        end(task, id, started, e);
        throw e;
      }
      end(task, id, started, null);
      return result;
    }
  }

  static final class OfBiFunction<T, U, R> implements BiFunction<T, U, R> {
    private final BiFunction<T, U, R> work;
    private final TaskRecord task;
    private final long id;

    OfBiFunction(BiFunction<T, U, R> work, TaskRecord task) {
      this.work = work;
      this.task = task;
      this.id = task.id;
    }

    @Override
    public R apply(T t, U u) {
      ThreadState started = begin(task, id);
      R result;
      try {
        result = work.apply(t, u);
      } catch (Throwable e) {
        end(task, id, started, e);
        throw e;
      }
      end(task, id, started, null);
      return result;
    }
  }

  static final class OfConsumer<T> implements Consumer<T> {
    private final Consumer<T> work;
    private final TaskRecord task;
    private final long id;

    OfConsumer(Consumer<T> work, TaskRecord task) {
      this.work = work;
      this.task = task;
      this.id = task.id;
    }

    @Override
    public void accept(T t) {
      ThreadState started = begin(task, id);
      try {
        work.accept(t);
      } catch (Throwable e) {
        end(task, id, started, e);
        throw e;
      }
      end(task, id, started, null);
    }
  }

  static final class OfBiConsumer<T, U> implements BiConsumer<T, U> {
    private final BiConsumer<T, U> work;
    private final TaskRecord task;
    private final long id;

    OfBiConsumer(BiConsumer<T, U> work, TaskRecord task) {
      this.work = work;
      this.task = task;
      this.id = task.id;
    }

    @Override
    public void accept(T t, U u) {
      ThreadState started = begin(task, id);
      try {
        work.accept(t, u);
      } catch (Throwable e) {
        end(task, id, started, e);
        throw e;
      }
      end(task, id, started, null);
    }
  }

  private SpawnedWork() {}
}
