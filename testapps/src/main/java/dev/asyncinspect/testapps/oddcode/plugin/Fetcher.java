package dev.asyncinspect.testapps.oddcode.plugin;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;

/** Traced code that the program loads twice: by its own loader and by a child-first one. */
public final class Fetcher {

  @Trace
  public String fetchBoth() {
    return fetch("a").join() + fetch("b").join(); // await:fetcher-join
  }

  @Trace
  CompletableFuture<String> fetch(String key) {
    return CompletableFuture.supplyAsync(() -> key.toUpperCase(java.util.Locale.ROOT));
  }
}
