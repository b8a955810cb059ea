package dev.asyncinspect.bench;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.Executor;

/**
 * What handing work to an executor costs when no traced task is current, with and without the
 * agent: from untraced code (never rewritten), and from the lambda body of a traced method called
 * outside any task (rewritten; the agent finds no current task and leaves the work alone). Run
 * twice by {@code bench/run-agent-bench}, once without and once with {@code -javaagent}.
 */
public final class SubmitCost {
  private static final Executor DIRECT = Runnable::run;
  private static final int OPS = 5_000_000;
  private static long sink;

  public static void main(String[] args) {
    Runnable work = () -> sink++;
    double untraced = best(() -> untraced(work));
    double lambda = best(SubmitCost::fromTracedLambda);
    System.out.printf(
        "submit with no current task (%s): untraced code %.1f ns/op, lambda of a traced method"
            + " %.1f ns/op%n",
        args.length > 0 ? args[0] : "?", untraced, lambda);
  }

  private static void untraced(Runnable work) {
    for (int i = 0; i < OPS; i++) {
      DIRECT.execute(work);
    }
  }

  /** Only defines the lambda below; the lambda itself runs outside any task. */
  @Trace
  static Runnable tracedDefinesLambda() {
    return () -> {
      for (int i = 0; i < OPS; i++) {
        DIRECT.execute(() -> sink++);
      }
    };
  }

  private static void fromTracedLambda() {
    LAMBDA.run();
  }

  private static final Runnable LAMBDA = tracedDefinesLambda();

  /** Best of 10 rounds (the first warm the JIT), in ns per operation. */
  private static double best(Runnable round) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      long start = System.nanoTime();
      round.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return (double) best / OPS;
  }

  private SubmitCost() {}
}
