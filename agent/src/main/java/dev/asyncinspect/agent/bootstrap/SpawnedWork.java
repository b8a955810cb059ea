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
 * <p>The wrapper is what the executor or the thread receives instead of the application's function.
 * Where an executor keeps the function (a queue), it therefore sees the wrapper; see
 * docs/agent-options.md for the one consequence that can be observed.
 */
final class SpawnedWork {

  /**
   * What every wrapper has: its task, and the task's id, since the record is reused for another
   * task once this one has ended, while the executor may still hold the wrapper and run it again (a
   * periodic task): a run that finds another task in the record runs the work untraced.
   */
  abstract static class Tracked {
    private final TaskRecord task;
    private final long id;

    Tracked(TaskRecord task) {
      this.task = task;
      this.id = task.id;
    }

    /** Starts the task on this thread; returns the task that was current here before. */
    final TaskRecord begin() {
      try {
        Recorder recorder = Recorder.active;
        ThreadState thread = ThreadState.current();
        TaskRecord previous = thread.current;
        if (recorder != null && task.state == TaskStates.QUEUED && task.sameTask(id)) {
          recorder.begin(task, thread);
          task.callerOnThread = previous;
          thread.current = task;
        }
        return previous;
      } catch (Throwable e) {
        Recorder.internalError(e);
        return null;
      }
    }

    /** Ends the task, if {@link #begin} started it here. */
    final void end(TaskRecord previous, Throwable thrown) {
      try {
        ThreadState thread = ThreadState.current();
        if (thread.current != task || task.id != id) {
          return; // not started by this run
        }
        thread.current = previous;
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
  }

  static final class OfRunnable extends Tracked implements Runnable {
    private final Runnable work;

    OfRunnable(Runnable work, TaskRecord task) {
      super(task);
      this.work = work;
    }

    @Override
    public void run() {
      TaskRecord previous = begin();
      try {
        work.run();
      } catch (Throwable e) {
        end(previous, e);
        throw e;
      }
      end(previous, null);
    }
  }

  static final class OfCallable<V> extends Tracked implements Callable<V> {
    private final Callable<V> work;

    OfCallable(Callable<V> work, TaskRecord task) {
      super(task);
      this.work = work;
    }

    @Override
    public V call() throws Exception {
      TaskRecord previous = begin();
      V result;
      try {
        result = work.call();
      } catch (Throwable e) {
        end(previous, e);
        throw e;
      }
      end(previous, null);
      return result;
    }
  }

  static final class OfSupplier<T> extends Tracked implements Supplier<T> {
    private final Supplier<T> work;

    OfSupplier(Supplier<T> work, TaskRecord task) {
      super(task);
      this.work = work;
    }

    @Override
    public T get() {
      TaskRecord previous = begin();
      T result;
      try {
        result = work.get();
      } catch (Throwable e) {
        end(previous, e);
        throw e;
      }
      end(previous, null);
      return result;
    }
  }

  static final class OfFunction<T, R> extends Tracked implements Function<T, R> {
    private final Function<T, R> work;

    OfFunction(Function<T, R> work, TaskRecord task) {
      super(task);
      this.work = work;
    }

    @Override
    public R apply(T t) {
      TaskRecord previous = begin();
      R result;
      try {
        result = work.apply(t);
      } catch (Throwable e) {
        end(previous, e);
        throw e;
      }
      end(previous, null);
      return result;
    }
  }

  static final class OfBiFunction<T, U, R> extends Tracked implements BiFunction<T, U, R> {
    private final BiFunction<T, U, R> work;

    OfBiFunction(BiFunction<T, U, R> work, TaskRecord task) {
      super(task);
      this.work = work;
    }

    @Override
    public R apply(T t, U u) {
      TaskRecord previous = begin();
      R result;
      try {
        result = work.apply(t, u);
      } catch (Throwable e) {
        end(previous, e);
        throw e;
      }
      end(previous, null);
      return result;
    }
  }

  static final class OfConsumer<T> extends Tracked implements Consumer<T> {
    private final Consumer<T> work;

    OfConsumer(Consumer<T> work, TaskRecord task) {
      super(task);
      this.work = work;
    }

    @Override
    public void accept(T t) {
      TaskRecord previous = begin();
      try {
        work.accept(t);
      } catch (Throwable e) {
        end(previous, e);
        throw e;
      }
      end(previous, null);
    }
  }

  static final class OfBiConsumer<T, U> extends Tracked implements BiConsumer<T, U> {
    private final BiConsumer<T, U> work;

    OfBiConsumer(BiConsumer<T, U> work, TaskRecord task) {
      super(task);
      this.work = work;
    }

    @Override
    public void accept(T t, U u) {
      TaskRecord previous = begin();
      try {
        work.accept(t, u);
      } catch (Throwable e) {
        end(previous, e);
        throw e;
      }
      end(previous, null);
    }
  }

  private SpawnedWork() {}
}
