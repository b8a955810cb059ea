package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Two pools that starve each other: the one worker of the {@code orders} pool waits for an invoice
 * it asked the {@code billing} pool for, and the one worker of {@code billing} waits for a stock
 * check it asked the {@code orders} pool for. Each request sits in the queue of a pool whose only
 * worker waits for the other pool. Neither pool starves on its own; together nothing moves.
 */
public final class CrossPoolStarvation {

  private final ThreadPoolExecutor orders =
      (ThreadPoolExecutor) Executors.newFixedThreadPool(1, Daemons.named("orders"));
  private final ThreadPoolExecutor billing =
      (ThreadPoolExecutor) Executors.newFixedThreadPool(1, Daemons.named("billing"));
  private final Queue<Thread> waiting = new ConcurrentLinkedQueue<>();

  /** Both jobs run before either asks the other pool, so neither pool has a free worker. */
  private final CyclicBarrier bothRunning = new CyclicBarrier(2);

  public static void main(String[] args) throws InterruptedException {
    CrossPoolStarvation app = new CrossPoolStarvation();
    app.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (app.orders.getQueue().size() < 1
        || app.billing.getQueue().size() < 1
        || !Daemons.allWaiting(app.waiting, 2)) {
      if (System.nanoTime() > deadline) {
        System.out.println("the pools never starved");
        System.exit(1);
      }
      Thread.sleep(5);
    }
    System.out.println("pools starved: each worker waits for work queued on the other pool");
  }

  @Trace
  void start() {
    orders.submit(() -> placeOrder(1)); // spawn:order
    billing.submit(() -> closeMonth(11)); // spawn:month
  }

  @Trace
  int placeOrder(int order) throws Exception {
    bothRunning.await();
    CompletableFuture<Integer> invoice =
        CompletableFuture.supplyAsync(() -> invoice(order), billing); // spawn:invoice
    waiting.add(Thread.currentThread());
    return invoice.join(); // await:invoice-join
  }

  @Trace
  int closeMonth(int month) throws Exception {
    bothRunning.await();
    Future<Integer> stock = orders.submit(() -> stockCheck(month)); // spawn:stock
    waiting.add(Thread.currentThread());
    return stock.get(); // await:stock-get
  }

  @Trace
  int invoice(int order) {
    return 100 + order;
  }

  @Trace
  int stockCheck(int month) {
    return 200 + month;
  }
}
