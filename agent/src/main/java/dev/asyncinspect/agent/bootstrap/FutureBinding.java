package dev.asyncinspect.agent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * Binds a pending future to the ASYNC task whose method returned it. One object does both jobs it
 * has, to allocate once: it refers to the future weakly (so a dump can name the producer of a
 * future that a task waits on, without keeping the future alive), and it is the completion callback
 * that ends the task.
 */
final class FutureBinding extends WeakReference<Object> implements BiConsumer<Object, Throwable> {
  final TaskRecord task;

  FutureBinding(TaskRecord task, Object future) {
    super(future);
    this.task = task;
  }

  @Override
  public void accept(Object result, Throwable error) {
    try {
      Recorder recorder = Recorder.active;
      if (recorder != null) {
        recorder.finishAsync(task, outcome(error), error);
      }
    } catch (Throwable internal) {
      Recorder.internalError(internal);
    }
  }

  static int outcome(Throwable error) {
    if (error == null) {
      return TaskStates.COMPLETED;
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof CancellationException ? TaskStates.CANCELLED : TaskStates.FAILED;
  }
}
