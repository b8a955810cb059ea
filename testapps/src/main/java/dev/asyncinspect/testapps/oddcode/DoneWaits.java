package dev.asyncinspect.testapps.oddcode;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Waits on futures that have already completed with a value: one of each kind the agent asks
 * whether it is done, and one of the application's own {@code FutureTask} class, which it does not
 * ask (its methods could run any code). Each call returns at once.
 */
public final class DoneWaits {
  private DoneWaits() {}

  /** Joins or gets four completed futures; returns their values, "abcd". */
  @Trace
  public static String run() throws Exception {
    CompletableFuture<String> completed = CompletableFuture.completedFuture("a");
    FutureTask<String> task = new FutureTask<>(() -> "b");
    task.run();
    Future<String> submitted = task;
    ForkJoinTask<String> forkJoin = ForkJoinTask.adapt(() -> "c");
    forkJoin.invoke();
    String a = completed.join(); // done:join
    String b = submitted.get(); // done:get
    String c = forkJoin.join(); // done:fork-join
    OwnTask own = new OwnTask();
    own.run();
    String d = own.get(); // done:own-task
    return a + b + c + d;
  }

  /** A future of the application's own class. */
  private static final class OwnTask extends FutureTask<String> {
    OwnTask() {
      super(() -> "d");
    }
  }
}
