package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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

  /** Calls that wait at once, so that far more tasks are alive than the task table holds. */
  public static final int IN_FLIGHT = 1_000;

  /** Calls on virtual threads (JDK 21+), one thread each. */
  public static final int VIRTUAL_CALLS = 20_000;

  public static final int FAIL_EVERY = 1_000;

  private final CountDownLatch waiting = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private long failures;

  public static void main(String[] args) throws Exception {
    Saturation app = new Saturation();
    AgentWaits agentWaits = new AgentWaits();
    agentWaits.start();
    Thread waiter = new Thread(app::waitUntilFinished, "waiter");
    waiter.start();
    app.waiting.await(); // so that its task is in the task table before the flood fills it
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
    agentWaits.interrupt();
    agentWaits.join();
    System.out.println("sum " + sum);
    System.out.println("virtual threads " + virtual);
    System.out.println("failures " + app.failures);
    System.out.println("threads seen waiting inside the agent: " + agentWaits.seen);
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

  /**
   * Samples the stacks of the program's platform threads while it runs, and counts the threads seen
   * waiting (blocked, waiting, parked) inside the agent: with a frame of the agent's between the
   * top of the stack and the program's own code. The agent's own threads ({@code
   * async-inspect-...}) do not count. Without the agent the count is 0 by construction; with it, it
   * must stay 0: the agent never makes an application thread wait.
   */
  private static final class AgentWaits extends Thread {
    volatile long seen;

    AgentWaits() {
      super("agent-waits-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      // The JVM's thread dump takes each thread's state and stack at the same moment.
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      while (!isInterrupted()) {
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
          if (info.getThreadId() != getId()
              && !info.getThreadName().startsWith("async-inspect")
              && info.getThreadState() != State.RUNNABLE
              && waitsInsideTheAgent(info.getStackTrace())) {
            seen++;
          }
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private static boolean waitsInsideTheAgent(StackTraceElement[] stack) {
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().startsWith("dev.asyncinspect.agent.")) {
          return true;
        }
        if (frame.getClassName().startsWith("dev.asyncinspect.testapps.")) {
          return false;
        }
      }
      return false;
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
