package dev.asyncinspect.bench.overhead;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The traced code the micro benchmarks call. Each method does almost nothing, so that what the
 * agent adds to a call is most of what a benchmark sees when the agent is on.
 */
public class TracedCalls {
  /** The number of tasks {@link #fanOut} starts. */
  public static final int FAN_OUT = 16;

  private static final CompletableFuture<Integer> DONE = CompletableFuture.completedFuture(7);

  /** A SYNC task. */
  @Trace
  public int sync(int x) {
    return x * 31 + 7;
  }

  /** The same SYNC task with one await point: a join on a future that is already complete. */
  @Trace
  public int syncWithAwait(int x) {
    return x * 31 + DONE.join();
  }

  /** An ASYNC task whose future is complete when the method returns. */
  @Trace
  public CompletableFuture<Integer> completed() {
    return DONE;
  }

  /** An ASYNC task whose future is completed later, by whoever holds it. */
  @Trace
  public CompletableFuture<Integer> pending() {
    return new CompletableFuture<>();
  }

  /**
   * Hands {@link #FAN_OUT} calls of {@link #leaf} to {@code executor} (virtual threads) and waits
   * for them: each is a SPAWNED task running a SYNC task, and each wait an await point.
   */
  @Trace
  public int fanOut(ExecutorService executor) throws InterruptedException, ExecutionException {
    @SuppressWarnings("unchecked")
    Future<Integer>[] results = new Future[FAN_OUT];
    for (int i = 0; i < FAN_OUT; i++) {
      int n = i;
      results[i] = executor.submit(() -> leaf(n));
    }
    int sum = 0;
    for (Future<Integer> result : results) {
      sum += result.get();
    }
    return sum;
  }

  @Trace
  public int leaf(int n) {
    return n * n;
  }
}
