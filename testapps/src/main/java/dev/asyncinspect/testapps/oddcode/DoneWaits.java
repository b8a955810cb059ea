package dev.asyncinspect.testapps.oddcode;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Waits on futures that have already completed with a value, one of each kind the agent can ask
 * without running application code: each call returns at once.
 */
public final class DoneWaits {
  private DoneWaits() {}

  /** Joins or gets three completed futures; returns their values, "abc". */
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
    return a + b + c;
  }
}
