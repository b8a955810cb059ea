package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;

/**
 * A traced method returns a pending future; prints what waits on the future's stack of dependents
 * (run with {@code java.util.concurrent} opened to the class path, to read it), then completes it.
 */
public final class PendingFuture {

  public static void main(String[] args) throws ReflectiveOperationException {
    CompletableFuture<String> future = produce(new CompletableFuture<>());
    Field stack = CompletableFuture.class.getDeclaredField("stack");
    stack.setAccessible(true);
    Object top = stack.get(future);
    System.out.println(
        "pending: "
            + future.getNumberOfDependents()
            + " dependent, "
            + (top == null ? "none" : top.getClass().getName()));
    future.complete("done");
    System.out.println("completed: " + future.getNumberOfDependents() + " dependents");
  }

  @Trace
  static CompletableFuture<String> produce(CompletableFuture<String> future) {
    return future;
  }
}
