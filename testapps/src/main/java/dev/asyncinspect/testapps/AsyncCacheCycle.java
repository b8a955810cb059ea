package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A future cycle across threads: an async cache whose loader for "a" needs "b" and whose loader for
 * "b" needs "a". Each load runs on its own pool thread and joins the other's future; neither ever
 * completes. No lock is involved, so the JVM's deadlock detector sees nothing.
 */
public final class AsyncCacheCycle {

  private final Map<String, CompletableFuture<String>> cache = new ConcurrentHashMap<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(4, Daemons.named("loader"));
  private final Queue<Thread> loading = new ConcurrentLinkedQueue<>();

  public static void main(String[] args) throws InterruptedException {
    AsyncCacheCycle app = new AsyncCacheCycle();
    app.get("a");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Daemons.allWaiting(app.loading, 2)) {
      if (System.nanoTime() > deadline) {
        System.out.println("the loads never waited for each other");
        System.exit(1);
      }
      Thread.sleep(5);
    }
    System.out.println("loads of a and b wait for each other");
  }

  @Trace
  CompletableFuture<String> get(String key) {
    return cache.computeIfAbsent(
        key, k -> CompletableFuture.supplyAsync(() -> load(k), pool)); // spawn:load
  }

  @Trace
  String load(String key) {
    String other = key.equals("a") ? "b" : "a";
    loading.add(Thread.currentThread());
    return key + get(other).join(); // await:load-join
  }
}
