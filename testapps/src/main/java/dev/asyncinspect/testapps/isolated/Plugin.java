package dev.asyncinspect.testapps.isolated;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;

/**
 * Traced code that {@link dev.asyncinspect.testapps.IsolatedLoader} loads in a loader of its own.
 */
public final class Plugin {

  @Trace
  public String run() {
    return compute().join(); // await:plugin-join
  }

  @Trace
  CompletableFuture<String> compute() {
    return CompletableFuture.completedFuture("computed in isolation");
  }
}
