package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A healthy fan-out: one synchronous pipeline starts three asynchronous fetches on a pool, waits
 * for all of them and combines their results.
 *
 * <p>Under the agent: {@code FanOutPipeline.pipeline} (SYNC) with three children {@code
 * FanOutPipeline.fetch} (ASYNC), all COMPLETED; the pipeline waits at the {@code allOf(..).join()}
 * once (blocking unless the fetches are already done); its three {@code part.join()} calls find
 * their futures completed, return at once and count as waits of no time.
 */
public final class FanOutPipeline {

  private final ExecutorService pool;

  private FanOutPipeline(ExecutorService pool) {
    this.pool = pool;
  }

  public static void main(String[] args) {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      System.out.println("pipeline result: " + new FanOutPipeline(pool).pipeline());
    } finally {
      pool.shutdown();
    }
  }

  @Trace
  int pipeline() {
    List<CompletableFuture<Integer>> parts = List.of(fetch(1), fetch(2), fetch(3));
    CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join(); // await:all-parts
    int sum = 0;
    for (CompletableFuture<Integer> part : parts) {
      sum += part.join(); // await:each-part
    }
    return sum;
  }

  @Trace
  CompletableFuture<Integer> fetch(int shard) {
    return CompletableFuture.supplyAsync(() -> shard * shard, pool); // spawn:fetch
  }
}
