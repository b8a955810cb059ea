package java.util.concurrent;

import java.util.function.BiConsumer;

/**
 * async-inspect's completion callback on a pending {@code CompletableFuture}: a node of the
 * future's own stack of dependents, like the JDK's, so that noticing the completion allocates this
 * one node (32 bytes) where {@code whenComplete} allocates a node and a dependent future (64).
 *
 * <p>Not part of the JDK and not on any class path: the agent compiles it against {@code java.base}
 * and defines it in {@code java.util.concurrent} when the first pending future needs it, through a
 * lookup the agent opens for itself, and checks that it works before using it (it relies on the
 * package's internals: the stack, {@code unipush}, the result's encoding). The callback runs once,
 * on the thread that completes the future (or on the one that registers it, if the future is
 * already done), with the value or the exception that {@code whenComplete} would pass; nothing it
 * throws reaches the code that completed the future. The node refers to the future only until it
 * has run.
 */
final class AsyncInspectCompletion extends CompletableFuture.Completion {
  private CompletableFuture<?> source;
  private BiConsumer<Object, Throwable> callback;

  private AsyncInspectCompletion(
      CompletableFuture<?> source, BiConsumer<Object, Throwable> callback) {
    this.source = source;
    this.callback = callback;
  }

  /**
   * Runs {@code callback} once {@code future} completes; at once, without joining its stack, if it
   * has (as {@code whenComplete} does: a completed future keeps no dependents).
   */
  static void register(CompletableFuture<?> future, BiConsumer<Object, Throwable> callback) {
    AsyncInspectCompletion node = new AsyncInspectCompletion(future, callback);
    if (future.result == null) {
      future.unipush(node);
    } else {
      node.tryFire(CompletableFuture.SYNC);
    }
  }

  @Override
  CompletableFuture<?> tryFire(int mode) {
    CompletableFuture<?> future = source;
    Object result;
    // The tag claims the node, as the JDK's own completions do: both the completing thread and
    // unipush (when the future completed while the node was pushed) may try to fire it.
    if (future == null
        || (result = future.result) == null
        || !compareAndSetForkJoinTaskTag((short) 0, (short) 1)) {
      return null;
    }
    BiConsumer<Object, Throwable> fn = callback;
    source = null;
    callback = null;
    try {
      if (result instanceof CompletableFuture.AltResult) {
        fn.accept(null, ((CompletableFuture.AltResult) result).ex);
      } else {
        fn.accept(result, null);
      }
    } catch (Throwable ignored) {
      // never into the code that completed the future
    }
    return null;
  }

  @Override
  boolean isLive() {
    return source != null;
  }
}
