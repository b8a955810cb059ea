package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A failure three traced calls deep: {@code reserveStock} throws, {@code chargeCard} turns the
 * exception into a failed future, and {@code placeOrder} fails when it joins that future.
 *
 * <p>Under the agent: three FAILED tasks in one parent chain, {@code placeOrder} (SYNC, {@code
 * CompletionException}) → {@code chargeCard} (ASYNC, {@code IllegalStateException}) → {@code
 * reserveStock} (SYNC, {@code IllegalStateException}). The program exits with code 3.
 */
public final class FailingChain {

  public static void main(String[] args) {
    try {
      System.out.println(new FailingChain().placeOrder("blue-widget"));
    } catch (CompletionException e) {
      System.out.println("order failed: " + e.getCause().getMessage());
      System.exit(3);
    }
  }

  @Trace
  String placeOrder(String item) {
    return "order placed: " + chargeCard(item).join(); // await:join-charge
  }

  @Trace
  CompletableFuture<String> chargeCard(String item) {
    try {
      reserveStock(item);
      return CompletableFuture.completedFuture("charged for " + item);
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Trace
  void reserveStock(String item) {
    throw new IllegalStateException("out of stock: " + item); // throw:out-of-stock
  }
}
