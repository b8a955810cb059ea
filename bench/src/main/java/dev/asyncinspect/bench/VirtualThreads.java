package dev.asyncinspect.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads for the benchmarks, which are compiled for JDK 17 and run them on 21+. */
public final class VirtualThreads {
  private VirtualThreads() {}

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}; fails before JDK 21. */
  public static ExecutorService perTaskExecutor() throws Throwable {
    return (ExecutorService)
        MethodHandles.publicLookup()
            .findStatic(
                Executors.class,
                "newVirtualThreadPerTaskExecutor",
                MethodType.methodType(ExecutorService.class))
            .invoke();
  }
}
