package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * About a million traced tasks on a pool of two threads, many more alive at once than a small
 * {@code maxLiveTasks}, while one task waits throughout (for the watchdog) and, on JDK 21+, a batch
 * runs on virtual threads. Every 1000th computation fails, and the failure reaches the caller
 * through {@code join}.
 *
 * <p>Run under the agent with tiny tables ({@code maxLiveTasks=16,maxEvents=64}), {@code stuck=...}
 * and {@code dumpInterval=...}: the output and the exit code stay the same, and the dump says how
 * much the agent dropped.
 */
public final class Saturation {
  /** Calls of {@link #square}; each call is three tasks: ASYNC square, SPAWNED, SYNC compute. */
  public static final int CALLS = 330_000;

  /** Calls that wait at once, so that far more tasks are alive than the live table holds. */
  public static final int IN_FLIGHT = 1_000;

  /** Calls on virtual threads (JDK 21+), one thread each. */
  public static final int VIRTUAL_CALLS = 20_000;

  public static final int FAIL_EVERY = 1_000;

  private final CountDownLatch waiting = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private long failures;

  public static void main(String[] args) throws Exception {
    Saturation app = new Saturation();
    Thread waiter = new Thread(app::waitUntilFinished, "waiter");
    waiter.start();
    app.waiting.await(); // so that its task is in the live table before the flood fills it
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long sum = 0;
    for (int from = 0; from < CALLS; from += IN_FLIGHT) {
      sum += app.batch(pool, from, Math.min(CALLS, from + IN_FLIGHT));
    }
    pool.shutdown();
    String virtual = "not available";
    ExecutorService perTask = virtualThreadPerTask();
    if (perTask != null) {
      long virtualSum = 0;
      for (int from = 0; from < VIRTUAL_CALLS; from += IN_FLIGHT) {
        virtualSum += app.batch(perTask, from, Math.min(VIRTUAL_CALLS, from + IN_FLIGHT));
      }
      perTask.shutdown();
      virtual = Long.toString(virtualSum);
    }
    app.finished.countDown();
    waiter.join();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    System.out.println("sum " + sum);
    System.out.println("virtual threads " + virtual);
    System.out.println("failures " + app.failures);
    System.exit(app.failures > 0 ? 5 : 0);
  }

  /** Starts the calls {@code from} to {@code to} and waits for them all. */
  @Trace
  long batch(ExecutorService executor, int from, int to) {
    CompletableFuture<?>[] calls = new CompletableFuture<?>[to - from];
    for (int i = from; i < to; i++) {
      calls[i - from] = square(executor, i);
    }
    long sum = 0;
    for (CompletableFuture<?> call : calls) {
      try {
        sum += (Long) call.join(); // await:join-square
      } catch (CompletionException e) {
        failures++;
      }
    }
    return sum;
  }

  @Trace
  CompletableFuture<Long> square(ExecutorService executor, int i) {
    return CompletableFuture.supplyAsync(() -> compute(i), executor); // spawn:compute
  }

  @Trace
  long compute(int i) {
    if (i % FAIL_EVERY == FAIL_EVERY - 1) {
      throw new IllegalArgumentException("no square for " + i);
    }
    return (long) i * i % 1_000_003;
  }

  /** Waits, traced, until all the work is done: a task the watchdog sees waiting throughout. */
  @Trace
  void waitUntilFinished() {
    waiting.countDown();
    try {
      finished.await(); // await:finished
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21+, else null. */
  private static ExecutorService virtualThreadPerTask() throws ReflectiveOperationException {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
