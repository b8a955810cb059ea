package dev.asyncinspect.testapps.library;

import java.util.concurrent.CompletableFuture;

/** A "library" class with no annotations: {@code trace=} patterns select what to trace. */
public final class Inventory {

  public CompletableFuture<Integer> stock(String item) {
    return CompletableFuture.completedFuture(item.length());
  }

  public int reserve(String item) {
    return stock(item).join(); // await:reserve-join
  }

  public String describe() {
    return "inventory";
  }
}
