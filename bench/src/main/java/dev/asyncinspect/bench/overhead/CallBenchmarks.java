package dev.asyncinspect.bench.overhead;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cases of the agent's per-call cost. Each runs twice, in a JVM without the agent and in one
 * with {@code -javaagent} ({@link OverheadBench}); the cost is the difference. Times are per traced
 * call (or per spawned task, or per future), bytes from JMH's {@code gc} profiler.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallBenchmarks {
  /** Futures per invocation of {@link #futureCompletedElsewhere}: amortizes the hand-over. */
  public static final int BATCH = 256;

  /** Fan-outs one virtual thread runs per invocation of {@link #virtualThreadFanOutFromVirtual}. */
  public static final int FAN_OUTS = 8;

  private final TracedCalls traced = new TracedCalls();
  private final PlainCalls plain = new PlainCalls();
  private int x;

  /** A traced SYNC call. */
  @Benchmark
  public int syncCall() {
    return traced.sync(x++);
  }

  /**
   * The traced SYNC call on two threads at once (on this machine's two cores): what tasks on
   * different cores cost each other, through what the recorder shares between them.
   */
  @Benchmark
  @Threads(2)
  public int syncCallOnTwoThreads() {
    return traced.sync(x++);
  }

  /** A traced call that returns an already completed future. */
  @Benchmark
  public Object completedFuture() {
    return traced.completed();
  }

  /** The traced SYNC call with one await point in it (a join on a completed future). */
  @Benchmark
  public int oneAwait() {
    return traced.syncWithAwait(x++);
  }

  /** The same code in a class without {@code @Trace}: the agent must not touch it. */
  @Benchmark
  public int untracedClass() {
    return plain.sync(x++);
  }

  /**
   * One read of the clock the agent uses ({@code System.nanoTime()}): not a case of its own, but
   * the floor of the others, since a traced call reads it twice. What it costs depends on the
   * machine (tens of ns where the operating system serves it without a system call).
   */
  @Benchmark
  public long clockRead() {
    return System.nanoTime();
  }

  /** A thread that completes futures, in batches. */
  @State(Scope.Benchmark)
  public static class Completer {
    ExecutorService thread;

    @Setup(Level.Trial)
    public void start() {
      thread =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "completer");
                t.setDaemon(true);
                return t;
              });
    }

    @TearDown(Level.Trial)
    public void stop() {
      thread.shutdownNow();
    }
  }

  /**
   * Traced calls that return a pending future, completed by another thread: {@link #BATCH} calls,
   * then one hand-over of the batch to the completer thread, which completes each future.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object futureCompletedElsewhere(Completer completer)
      throws InterruptedException, ExecutionException {
    @SuppressWarnings("unchecked")
    CompletableFuture<Integer>[] batch = new CompletableFuture[BATCH];
    for (int i = 0; i < BATCH; i++) {
      batch[i] = traced.pending();
    }
    return completer
        .thread
        .submit(
            () -> {
              for (CompletableFuture<Integer> future : batch) {
                future.complete(1);
              }
            })
        .get();
  }

  /** An executor that starts a virtual thread per task (JDK 21+, found reflectively). */
  @State(Scope.Benchmark)
  public static class VirtualThreads {
    ExecutorService executor;

    @Setup(Level.Trial)
    public void start() throws Throwable {
      executor = dev.asyncinspect.bench.VirtualThreads.perTaskExecutor();
    }

    @TearDown(Level.Trial)
    public void stop() {
      executor.shutdown();
    }
  }

  /**
   * A traced task that starts {@link TracedCalls#FAN_OUT} virtual threads, each running a traced
   * call, and waits for them; the time is per virtual thread.
   */
  @Benchmark
  @OperationsPerInvocation(TracedCalls.FAN_OUT)
  public int virtualThreadFanOut(VirtualThreads threads)
      throws InterruptedException, ExecutionException {
    return traced.fanOut(threads.executor);
  }

  /**
   * The same fan-out, {@link #FAN_OUTS} times, run by a virtual thread, as a request handler on
   * virtual threads would: its waits then unmount it instead of parking a platform thread, so the
   * time per virtual thread depends much less on how soon the operating system wakes a parked
   * thread, which on a virtual machine varies from run to run by more than the agent's cost.
   */
  @Benchmark
  @OperationsPerInvocation(FAN_OUTS * TracedCalls.FAN_OUT)
  public int virtualThreadFanOutFromVirtual(VirtualThreads threads)
      throws InterruptedException, ExecutionException {
    return threads
        .executor
        .submit(
            () -> {
              int sum = 0;
              for (int i = 0; i < FAN_OUTS; i++) {
                sum += traced.fanOut(threads.executor);
              }
              return sum;
            })
        .get();
  }
}
