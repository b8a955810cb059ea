package dev.asyncinspect.testapps;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.asyncinspect.annotations.Trace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A third-party library built on {@code CompletableFuture}: Caffeine's asynchronous loading cache,
 * loading on a pool of two threads. A traced lookup gets keys one by one and in bulk, hits and
 * misses, and a load that fails.
 *
 * <p>Run with {@code trace=com.github.benmanes.caffeine.**}, which traces every method of the
 * library that returns a future: the cache's own calls become tasks between the lookup and the
 * loads, and the program prints the same.
 */
public final class CaffeineLookups {
  private final ExecutorService pool = Executors.newFixedThreadPool(2, Daemons.named("loader"));
  private final AsyncLoadingCache<String, String> cache =
      Caffeine.newBuilder().maximumSize(100).executor(pool).buildAsync(this::load);

  public static void main(String[] args) throws InterruptedException {
    CaffeineLookups app = new CaffeineLookups();
    System.out.println(app.lookup());
    app.pool.shutdown();
    // A load's thread completes the load's future and then its dependents, the lookup's among the
    // first: the lookup can return while that thread still completes the others. The loaders are
    // daemons, so without this wait the JVM could exit (and the agent write its exit dump) before
    // the rest had run.
    if (!app.pool.awaitTermination(30, TimeUnit.SECONDS)) {
      System.err.println("the loaders did not finish within 30 s");
    }
  }

  @Trace
  String lookup() {
    String first = cache.get("alpha").join(); // await:get-alpha
    Map<String, String> bulk = new TreeMap<>(cache.getAll(List.of("beta", "gamma")).join());
    String again = cache.get("alpha").join();
    String failure;
    try {
      failure = cache.get("broken").join();
    } catch (CompletionException e) {
      failure = "failed: " + e.getCause().getMessage();
    }
    return String.join(" ", first, bulk.toString(), again, failure);
  }

  @Trace
  String load(String key) {
    if (key.equals("broken")) {
      throw new IllegalArgumentException("cannot load " + key);
    }
    return key.toUpperCase(java.util.Locale.ROOT);
  }
}
