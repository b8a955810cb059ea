package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hang behind a derived future: {@code report} joins {@code prices.thenCombine(stock, ...)};
 * prices arrive, stock never does. The future joined has no producer of its own: the dump names the
 * futures it is derived from, so the wait leads back to {@code fetchStock}.
 */
public final class StuckDerivedFuture {
  private final CompletableFuture<String> stock = new CompletableFuture<>();

  public static void main(String[] args) throws InterruptedException {
    StuckDerivedFuture app = new StuckDerivedFuture();
    Thread reporter = new Thread(app::report, "reporter");
    reporter.setDaemon(true);
    reporter.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (reporter.getState() != Thread.State.WAITING) {
      if (System.nanoTime() > deadline) {
        System.out.println("the report never waited");
        System.exit(1);
      }
      Thread.sleep(5);
    }
    System.out.println("the report waits for stock that never comes");
  }

  @Trace
  String report() {
    return fetchPrices().thenCombine(fetchStock(), String::concat).join(); // await:combined
  }

  @Trace
  CompletableFuture<String> fetchPrices() {
    return CompletableFuture.completedFuture("prices");
  }

  @Trace
  CompletableFuture<String> fetchStock() {
    return stock;
  }
}
