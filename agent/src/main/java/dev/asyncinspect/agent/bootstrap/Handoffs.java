package dev.asyncinspect.agent.bootstrap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The facade that woven spawn points call: calls that hand work to another thread pass each
 * function they hand off through one of the {@code spawn} methods, which return it wrapped as a
 * SPAWNED task when a traced task is current (and unchanged otherwise), then call {@link
 * #handedOff} with what the call returned. Like {@link AsyncInspect}, nothing here blocks or
 * throws.
 */
public final class Handoffs {
  /**
   * Where {@code CompletableFuture.*Async} without an executor runs its work: the common pool, or a
   * new thread per task when the common pool has no parallelism.
   */
  private static final Object DEFAULT_ASYNC_EXECUTOR =
      ForkJoinPool.getCommonPoolParallelism() > 1 ? ForkJoinPool.commonPool() : null;

  /** The executor {@code CompletableFuture.*Async} uses when none is given. */
  public static Object defaultAsyncExecutor() {
    return DEFAULT_ASYNC_EXECUTOR;
  }

  public static Runnable spawnRunnable(Runnable work, Object executor, int siteId) {
    TaskRecord task = spawn(work, executor, siteId);
    return task == null ? work : new SpawnedWork.OfRunnable(work, task);
  }

  public static <V> Callable<V> spawnCallable(Callable<V> work, Object executor, int siteId) {
    TaskRecord task = spawn(work, executor, siteId);
    return task == null ? work : new SpawnedWork.OfCallable<>(work, task);
  }

  public static <T> Supplier<T> spawnSupplier(Supplier<T> work, Object executor, int siteId) {
    TaskRecord task = spawn(work, executor, siteId);
    return task == null ? work : new SpawnedWork.OfSupplier<>(work, task);
  }

  public static <T, R> Function<T, R> spawnFunction(
      Function<T, R> work, Object executor, int siteId) {
    TaskRecord task = spawn(work, executor, siteId);
    return task == null ? work : new SpawnedWork.OfFunction<>(work, task);
  }

  public static <T, U, R> BiFunction<T, U, R> spawnBiFunction(
      BiFunction<T, U, R> work, Object executor, int siteId) {
    TaskRecord task = spawn(work, executor, siteId);
    return task == null ? work : new SpawnedWork.OfBiFunction<>(work, task);
  }

  public static <T> Consumer<T> spawnConsumer(Consumer<T> work, Object executor, int siteId) {
    TaskRecord task = spawn(work, executor, siteId);
    return task == null ? work : new SpawnedWork.OfConsumer<>(work, task);
  }

  public static <T, U> BiConsumer<T, U> spawnBiConsumer(
      BiConsumer<T, U> work, Object executor, int siteId) {
    TaskRecord task = spawn(work, executor, siteId);
    return task == null ? work : new SpawnedWork.OfBiConsumer<>(work, task);
  }

  /** For {@code invokeAll}: each callable its own SPAWNED task, in a new collection. */
  public static Collection<?> spawnCallables(Collection<?> work, Object executor, int siteId) {
    try {
      if (work == null || ThreadState.currentTask() == null) {
        return work;
      }
      List<Object> wrapped = new ArrayList<>(work.size());
      for (Object callable : work) {
        wrapped.add(
            callable instanceof Callable
                ? spawnCallable((Callable<?>) callable, executor, siteId)
                : callable);
      }
      return wrapped;
    } catch (Throwable e) {
      Recorder.internalError(e);
      return work;
    }
  }

  /**
   * After a hand-off call returned {@code returned}: a future it returned is bound to the SPAWNED
   * task that completes it, so a wait on it names that task.
   */
  public static void handedOff(Object returned) {
    try {
      ThreadState thread = ThreadState.current();
      TaskRecord task = thread.handingOff;
      if (task != null) {
        thread.handingOff = null;
        if ((returned instanceof Future || returned instanceof CompletionStage)
            && task.sameTask(thread.handingOffId)) {
          task.binding = new FutureBinding(task, returned);
        }
      }
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  /** A SPAWNED task for {@code work}, or null when no traced task runs here (or on error). */
  private static TaskRecord spawn(Object work, Object executor, int siteId) {
    try {
      Recorder recorder = Recorder.active;
      if (recorder == null || work == null) {
        return null;
      }
      ThreadState thread = ThreadState.current();
      TaskRecord parent = thread.current;
      SpawnSite site = parent == null ? null : recorder.registry.spawnSite(siteId);
      if (site == null) {
        return null;
      }
      TaskRecord task = recorder.startSpawned(site, parent, thread, executor);
      thread.handingOff = task;
      thread.handingOffId = task.id;
      return task;
    } catch (Throwable e) {
      Recorder.internalError(e);
      return null;
    }
  }

  /**
   * A hand-off call threw before returning: its work never reached the executor, so its task ends,
   * CANCELLED, instead of staying QUEUED forever.
   */
  static void abandon(Recorder recorder, ThreadState thread) {
    TaskRecord rejected = thread.handingOff;
    if (rejected != null) {
      thread.handingOff = null;
      if (recorder != null
          && rejected.state == TaskStates.QUEUED
          && rejected.sameTask(thread.handingOffId)) {
        recorder.finish(rejected, TaskStates.CANCELLED, null);
      }
    }
  }

  private Handoffs() {}
}
