package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same shape as {@link PoolStarvation} done right: jobs wait for children that run on a second
 * pool, so the first pool's workers never wait for work queued behind them.
 */
public final class CleanPools {

  private final ExecutorService jobs = Executors.newFixedThreadPool(2, Daemons.named("job"));
  private final ExecutorService prices = Executors.newFixedThreadPool(2, Daemons.named("price"));

  public static void main(String[] args) throws Exception {
    CleanPools app = new CleanPools();
    System.out.println("total " + app.run());
  }

  @Trace
  int run() throws Exception {
    Future<Integer> first = jobs.submit(() -> handle(0));
    Future<Integer> second = jobs.submit(() -> handle(1));
    return first.get() + second.get();
  }

  @Trace
  int handle(int order) throws Exception {
    Future<Integer> price = prices.submit(() -> price(order));
    return price.get();
  }

  @Trace
  int price(int order) {
    return 100 + order;
  }
}
