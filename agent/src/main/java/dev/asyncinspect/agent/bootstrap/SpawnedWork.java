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

  /** Starts the task on this thread; returns the task that was current here before. */
  static TaskRecord begin(TaskRecord task) {
    try {
      Recorder recorder = Recorder.active;
      ThreadState thread = ThreadState.current();
      TaskRecord previous = thread.current;
      if (recorder != null && task.state == TaskStates.QUEUED) {
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

  static void end(TaskRecord task, TaskRecord previous, Throwable thrown) {
    try {
      ThreadState thread = ThreadState.current();
      if (thread.current == task) {
        thread.current = previous;
      }
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

    OfRunnable(Runnable work, TaskRecord task) {
      this.work = work;
      this.task = task;
    }

    @Override
    public void run() {
      TaskRecord previous = begin(task);
      try {
        work.run();
      } catch (Throwable e) {
        end(task, previous, e);
        throw e;
      }
      end(task, previous, null);
    }
  }

  static final class OfCallable<V> implements Callable<V> {
    private final Callable<V> work;
    private final TaskRecord task;

    OfCallable(Callable<V> work, TaskRecord task) {
      this.work = work;
      this.task = task;
    }

    @Override
    public V call() throws Exception {
      TaskRecord previous = begin(task);
      V result;
      try {
        result = work.call();
      } catch (Throwable e) {
        end(task, previous, e);
        throw e;
      }
      end(task, previous, null);
      return result;
    }
  }

  static final class OfSupplier<T> implements Supplier<T> {
    private final Supplier<T> work;
    private final TaskRecord task;

    OfSupplier(Supplier<T> work, TaskRecord task) {
      this.work = work;
      this.task = task;
    }

    @Override
    public T get() {
      TaskRecord previous = begin(task);
      T result;
      try {
        result = work.get();
      } catch (Throwable e) {
        end(task, previous, e);
        throw e;
      }
      end(task, previous, null);
      return result;
    }
  }

  static final class OfFunction<T, R> implements Function<T, R> {
    private final Function<T, R> work;
    private final TaskRecord task;

    OfFunction(Function<T, R> work, TaskRecord task) {
      this.work = work;
      this.task = task;
    }

    @Override
    public R apply(T t) {
      TaskRecord previous = begin(task);
      R result;
      try {
        result = work.apply(t);
      } catch (Throwable e) {
        end(task, previous, e);
        throw e;
      }
      end(task, previous, null);
      return result;
    }
  }

  static final class OfBiFunction<T, U, R> implements BiFunction<T, U, R> {
    private final BiFunction<T, U, R> work;
    private final TaskRecord task;

    OfBiFunction(BiFunction<T, U, R> work, TaskRecord task) {
      this.work = work;
      this.task = task;
    }

    @Override
    public R apply(T t, U u) {
      TaskRecord previous = begin(task);
      R result;
      try {
        result = work.apply(t, u);
      } catch (Throwable e) {
        end(task, previous, e);
        throw e;
      }
      end(task, previous, null);
      return result;
    }
  }

  static final class OfConsumer<T> implements Consumer<T> {
    private final Consumer<T> work;
    private final TaskRecord task;

    OfConsumer(Consumer<T> work, TaskRecord task) {
      this.work = work;
      this.task = task;
    }

    @Override
    public void accept(T t) {
      TaskRecord previous = begin(task);
      try {
        work.accept(t);
      } catch (Throwable e) {
        end(task, previous, e);
        throw e;
      }
      end(task, previous, null);
    }
  }

  static final class OfBiConsumer<T, U> implements BiConsumer<T, U> {
    private final BiConsumer<T, U> work;
    private final TaskRecord task;

    OfBiConsumer(BiConsumer<T, U> work, TaskRecord task) {
      this.work = work;
      this.task = task;
    }

    @Override
    public void accept(T t, U u) {
      TaskRecord previous = begin(task);
      try {
        work.accept(t, u);
      } catch (Throwable e) {
        end(task, previous, e);
        throw e;
      }
      end(task, previous, null);
    }
  }

  private SpawnedWork() {}
}
