package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What traced code touches stays collectable: futures (completed, failed, timed out, never
 * completed), locks (also one a task still held when it ended), monitors, latches, threads,
 * executors (also one shut down with traced work still queued), exceptions, and a class loader with
 * its traced classes. Each is watched through a weak reference after the program dropped it; the
 * program collects garbage a bounded number of times and prints which were collected. Then it runs
 * many traced calls and prints whether the heap grew by less than the agent's documented bound.
 *
 * <p>Without the agent everything is collected; under the agent the output must be the same.
 */
public final class Collectable {
  /** Traced calls for the footprint check; each ends at once, so only aggregates should stay. */
  public static final int CALLS = 300_000;

  /** The growth of the heap, after the calls, that the agent's default tables stay well under. */
  public static final long FOOTPRINT_BOUND = 8L << 20;

  private final Map<String, WeakReference<Object>> watched = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    Collectable app = new Collectable();
    app.useEverything();
    app.collect();
    app.watched.forEach(
        (what, ref) ->
            System.out.println(what + ": " + (ref.get() == null ? "collected" : "kept")));
    System.out.println("heap growth under bound: " + app.footprint());
  }

  private void watch(String what, Object object) {
    watched.put(what, new WeakReference<>(object));
  }

  private void useEverything() throws Exception {
    CompletableFuture<String> completed = new CompletableFuture<>();
    watch("completed future", completed);
    Thread completer = new Thread(() -> completed.complete("done"), "completer");
    watch("thread that completed a future", completer);
    completer.start();
    awaitAll(completed);
    completer.join();

    CompletableFuture<String> abandoned = produceNever();
    watch("future never completed", abandoned);

    CompletableFuture<String> failed = failLater();
    watch("failed future", failed);
    Payload payload = new Payload("payload");
    watch("exception that failed a task", payload);
    Thread failer = new Thread(() -> failed.completeExceptionally(payload), "failer");
    failer.start();
    failer.join();
    try {
      awaitAll(failed);
    } catch (RuntimeException expected) {
      // the failure reached the caller
    }

    CompletableFuture<String> timedOut = new CompletableFuture<>();
    watch("future whose wait timed out", timedOut);
    try {
      awaitBriefly(timedOut);
    } catch (TimeoutException expected) {
      // the wait ended by its timeout
    }

    ReentrantLock lock = new ReentrantLock();
    watch("lock taken and released", lock);
    Object monitor = new Object();
    watch("monitor", monitor);
    CountDownLatch latch = new CountDownLatch(0);
    watch("latch", latch);
    takeAndRelease(lock, monitor, latch);

    ReentrantLock leftHeld = new ReentrantLock();
    watch("lock still held when its task ended", leftHeld);
    takeAndKeep(leftHeld);
    leftHeld.unlock(); // by untraced code, after the task ended

    watch("thread started by traced code", runOnNewThread());

    ExecutorService pool = Executors.newFixedThreadPool(2);
    watch("executor shut down", pool);
    fanOut(pool);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);

    ExecutorService abandonedPool = Executors.newSingleThreadExecutor();
    watch("executor shut down with work queued", abandonedPool);
    CountDownLatch release = new CountDownLatch(1);
    queueBehind(abandonedPool, release);
    abandonedPool.shutdownNow(); // the queued work never runs
    release.countDown();
    abandonedPool.awaitTermination(1, TimeUnit.MINUTES);

    ClassLoader contextLoader = new URLClassLoader("context", new URL[0], null);
    watch("context class loader of a thread that ran traced code", contextLoader);
    Thread worker = newThread(() -> step(1));
    worker.setContextClassLoader(contextLoader);
    worker.start();
    worker.join();

    URL[] path = {codeSource(Collectable.class), codeSource(Trace.class)};
    URLClassLoader loader = new URLClassLoader("plugins", path, null);
    Class<?> plugin = loader.loadClass("dev.asyncinspect.testapps.isolated.Plugin");
    watch("class loader of traced classes", loader);
    plugin.getMethod("run").invoke(plugin.getConstructor().newInstance());
    loader.close();
  }

  @Trace
  String awaitAll(CompletableFuture<String> future) {
    return future.join();
  }

  @Trace
  CompletableFuture<String> produceNever() {
    return new CompletableFuture<>();
  }

  @Trace
  CompletableFuture<String> failLater() {
    return new CompletableFuture<>();
  }

  @Trace
  String awaitBriefly(CompletableFuture<String> future) throws Exception {
    return future.get(1, TimeUnit.MILLISECONDS);
  }

  @Trace
  void takeAndRelease(ReentrantLock lock, Object monitor, CountDownLatch latch)
      throws InterruptedException {
    lock.lock();
    try {
      synchronized (monitor) {
        latch.await();
      }
    } finally {
      lock.unlock();
    }
  }

  @Trace
  void takeAndKeep(ReentrantLock lock) {
    lock.lock();
  }

  @Trace
  Thread runOnNewThread() throws InterruptedException {
    Thread thread = new Thread(() -> step(0), "started-by-traced-code");
    thread.start();
    thread.join();
    return thread;
  }

  @Trace
  void fanOut(ExecutorService pool) throws Exception {
    List<CompletableFuture<Integer>> parts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int part = i;
      parts.add(CompletableFuture.supplyAsync(() -> part * part, pool));
    }
    for (CompletableFuture<Integer> part : parts) {
      part.join();
    }
  }

  @Trace
  void queueBehind(ExecutorService pool, CountDownLatch release) {
    pool.execute(() -> awaitUninterruptibly(release));
    pool.execute(() -> {}); // spawn:never-runs
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      // shutdownNow interrupts the worker: the work ends
    }
  }

  @Trace
  int step(int i) {
    return i + 1;
  }

  /** Garbage collections until everything watched is gone, at most 40. */
  private void collect() throws InterruptedException {
    for (int attempt = 0; attempt < 40 && anyAlive(); attempt++) {
      System.gc();
      Thread.sleep(10); // lets the reference handler clear what the collection found
    }
  }

  private boolean anyAlive() {
    return watched.values().stream().anyMatch(ref -> ref.get() != null);
  }

  /** Whether many traced calls left the heap grown by less than {@link #FOOTPRINT_BOUND}. */
  private boolean footprint() throws InterruptedException {
    long before = usedAfterCollection();
    long sum = 0;
    for (int i = 0; i < CALLS; i++) {
      sum += step(i);
    }
    long after = usedAfterCollection();
    return sum > 0 && after - before < FOOTPRINT_BOUND;
  }

  private static long usedAfterCollection() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(10);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * A virtual thread where there are (JDK 21+: the first one to run traced code makes the agent
   * start a thread of its own), else a platform thread.
   */
  private static Thread newThread(Runnable work) throws ReflectiveOperationException {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (Thread)
          Class.forName("java.lang.Thread$Builder")
              .getMethod("unstarted", Runnable.class)
              .invoke(builder, work);
    } catch (NoSuchMethodException e) {
      return new Thread(work);
    }
  }

  private static URL codeSource(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** An exception that references a large object, which the agent must not keep. */
  static final class Payload extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final byte[] data = new byte[1 << 20];

    Payload(String message) {
      super(message);
    }
  }
}
