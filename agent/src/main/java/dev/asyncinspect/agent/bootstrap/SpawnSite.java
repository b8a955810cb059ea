package dev.asyncinspect.agent.bootstrap;

import java.lang.ref.WeakReference;

/**
 * A spawn point: one call site, inside traced code, that hands work to another thread ({@code
 * CompletableFuture.supplyAsync}, {@code Executor.execute}, {@code ExecutorService.submit}, {@code
 * new Thread(...)}, ...). Known when the class is woven. Work handed off there while a traced task
 * runs becomes a SPAWNED child task.
 */
public final class SpawnSite {
  final int id;
  final MethodSite method;
  final String file;
  final int line;
  final String operation;
  final String calleeOwner;
  final String calleeName;
  final String calleeDescriptor;
  final String taskName;
  final Stats stats = new Stats();

  /** The executor work was last handed to here, held weakly; shared by the tasks handed to it. */
  private volatile WeakReference<Object> lastExecutor;

  SpawnSite(
      int id,
      MethodSite method,
      String file,
      int line,
      String operation,
      String calleeOwner,
      String calleeName,
      String calleeDescriptor) {
    this.id = id;
    this.method = method;
    this.file = file;
    this.line = line;
    this.operation = operation;
    this.calleeOwner = calleeOwner;
    this.calleeName = calleeName;
    this.calleeDescriptor = calleeDescriptor;
    this.taskName =
        operation + " at " + (file == null ? "?" : file) + ":" + (line > 0 ? line : "?");
  }

  /**
   * A weak reference to {@code executor} (null for none): the one the last task handed off here
   * used when the executor is the same, so that a hand-off allocates none.
   */
  WeakReference<Object> executorRef(Object executor) {
    if (executor == null) {
      return null;
    }
    WeakReference<Object> ref = lastExecutor;
    if (ref == null || !ref.refersTo(executor)) {
      ref = new WeakReference<>(executor);
      lastExecutor = ref;
    }
    return ref;
  }

  public int id() {
    return id;
  }
}
