package dev.asyncinspect.testapps.oddcode;

import dev.asyncinspect.annotations.Trace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One traced method per kind of await point, each of which throws from that point: a failed future,
 * an expired timeout, an interrupt (set just before the call), a monitor not held, a null monitor.
 * The caller gets the very exception the call threw.
 */
public final class AwaitFailures {
  /** The exception the failed futures fail with; the caller checks it is the cause it gets. */
  public static final IllegalStateException BOOM = new IllegalStateException("boom");

  private final CompletableFuture<String> failed = CompletableFuture.failedFuture(BOOM);
  private final CountDownLatch latch = new CountDownLatch(1);
  private final Semaphore semaphore = new Semaphore(0);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition condition = lock.newCondition();
  private final BlockingQueue<String> empty = new ArrayBlockingQueue<>(1);
  private final BlockingQueue<String> full =
      new ArrayBlockingQueue<>(1, false, java.util.List.of("x"));
  private final Object monitor = new Object();
  private Object noMonitor;

  /** Each case by name, in order. */
  public Map<String, Callable<?>> cases() {
    Map<String, Callable<?>> cases = new LinkedHashMap<>();
    cases.put("join", this::join);
    cases.put("get", this::get);
    cases.put("futureGet", this::futureGet);
    cases.put("timedGet", this::timedGet);
    cases.put("latch", this::latch);
    cases.put("semaphore", this::semaphore);
    cases.put("lockInterruptibly", this::lockInterruptibly);
    cases.put("tryLock", this::tryLock);
    cases.put("conditionNotHeld", this::conditionNotHeld);
    cases.put("take", this::take);
    cases.put("put", this::put);
    cases.put("poll", this::poll);
    cases.put("threadJoin", this::threadJoin);
    cases.put("sleep", this::sleep);
    cases.put("waitNotHeld", this::waitNotHeld);
    cases.put("waitInterrupted", this::waitInterrupted);
    cases.put("nullMonitor", this::nullMonitor);
    cases.put("asyncJoin", () -> asyncJoin().join());
    return cases;
  }

  @Trace
  String join() {
    return failed.join(); // fail:join
  }

  @Trace
  String get() throws Exception {
    return failed.get(); // fail:get
  }

  @Trace
  String futureGet() throws Exception {
    FutureTask<String> task =
        new FutureTask<>(
            () -> {
              throw BOOM;
            });
    task.run();
    Future<String> future = task;
    return future.get(); // fail:futureGet
  }

  @Trace
  String timedGet() throws Exception {
    return new CompletableFuture<String>().get(1, TimeUnit.MILLISECONDS); // fail:timedGet
  }

  @Trace
  boolean latch() throws InterruptedException {
    Thread.currentThread().interrupt();
    latch.await(); // fail:latch
    return true;
  }

  @Trace
  boolean semaphore() throws InterruptedException {
    Thread.currentThread().interrupt();
    semaphore.acquire(); // fail:semaphore
    return true;
  }

  @Trace
  boolean lockInterruptibly() throws InterruptedException {
    Thread.currentThread().interrupt();
    lock.lockInterruptibly(); // fail:lockInterruptibly
    return true;
  }

  @Trace
  boolean tryLock() throws InterruptedException {
    Thread.currentThread().interrupt();
    return lock.tryLock(1, TimeUnit.SECONDS); // fail:tryLock
  }

  @Trace
  boolean conditionNotHeld() throws InterruptedException {
    condition.await(); // fail:conditionNotHeld
    return true;
  }

  @Trace
  String take() throws InterruptedException {
    Thread.currentThread().interrupt();
    return empty.take(); // fail:take
  }

  @Trace
  boolean put() throws InterruptedException {
    Thread.currentThread().interrupt();
    full.put("y"); // fail:put
    return true;
  }

  @Trace
  String poll() throws InterruptedException {
    Thread.currentThread().interrupt();
    return empty.poll(1, TimeUnit.SECONDS); // fail:poll
  }

  @Trace
  boolean threadJoin() throws InterruptedException {
    Thread.currentThread().interrupt();
    Thread.currentThread().join(); // fail:threadJoin
    return true;
  }

  @Trace
  boolean sleep() throws InterruptedException {
    Thread.currentThread().interrupt();
    Thread.sleep(60_000); // fail:sleep
    return true;
  }

  @Trace
  boolean waitNotHeld() throws InterruptedException {
    monitor.wait(); // fail:waitNotHeld
    return true;
  }

  @Trace
  boolean waitInterrupted() throws InterruptedException {
    synchronized (monitor) {
      Thread.currentThread().interrupt();
      monitor.wait(); // fail:waitInterrupted
    }
    return true;
  }

  @Trace
  int nullMonitor() {
    synchronized (noMonitor) { // fail:nullMonitor
      return 1;
    }
  }

  @Trace
  CompletableFuture<String> asyncJoin() {
    return CompletableFuture.completedFuture(failed.join()); // fail:asyncJoin
  }
}
