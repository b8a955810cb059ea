package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Executor starvation: a fixed pool of 2 whose jobs each submit a child job to the same pool and
 * wait for it. Both workers wait; the children sit in the queue behind them forever. No thread
 * deadlock detector sees this: nobody holds a lock.
 */
public final class PoolStarvation {

  private final ThreadPoolExecutor pool =
      (ThreadPoolExecutor) Executors.newFixedThreadPool(2, Daemons.named("worker"));
  private final Queue<Thread> waiting = new ConcurrentLinkedQueue<>();

  /** Both jobs run before either submits its child, so no idle worker can take a child. */
  private final CyclicBarrier bothRunning = new CyclicBarrier(2);

  public static void main(String[] args) throws InterruptedException {
    PoolStarvation app = new PoolStarvation();
    app.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (app.pool.getQueue().size() < 2 || !Daemons.allWaiting(app.waiting, 2)) {
      if (System.nanoTime() > deadline) {
        System.out.println("the pool never starved");
        System.exit(1);
      }
      Thread.sleep(5);
    }
    System.out.println("pool starved: 2 workers wait for 2 queued children");
  }

  @Trace
  void start() {
    for (int i = 0; i < 2; i++) {
      int order = i;
      pool.submit(() -> handle(order)); // spawn:handle
    }
  }

  @Trace
  int handle(int order) throws Exception {
    bothRunning.await();
    Future<Integer> price = pool.submit(() -> price(order)); // spawn:price
    waiting.add(Thread.currentThread());
    return price.get(); // await:price-get
  }

  @Trace
  int price(int order) {
    return 100 + order;
  }
}
