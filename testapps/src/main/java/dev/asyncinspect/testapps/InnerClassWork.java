package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Work a traced method defines as an anonymous class and as a local class, and hands to a pool. The
 * local class's job joins a future that is already done and finishes; the anonymous class's job
 * waits for a latch nobody counts down, and inside it a second anonymous class is handed off too,
 * which waits on the same latch. Their waits are await points of {@code dispatch}, recorded against
 * the SPAWNED tasks that run them.
 */
public final class InnerClassWork {
  private final ExecutorService pool = Executors.newFixedThreadPool(3, Daemons.named("worker"));
  private final CountDownLatch approval = new CountDownLatch(1);
  private final CountDownLatch bothWaiting = new CountDownLatch(2);

  public static void main(String[] args) throws Exception {
    InnerClassWork app = new InnerClassWork();
    int total = app.dispatch();
    if (!app.bothWaiting.await(60, TimeUnit.SECONDS)) {
      System.out.println("the jobs never waited");
      System.exit(1);
    }
    System.out.println("total " + total + "; two jobs wait for an approval that never comes");
  }

  @Trace
  int dispatch() throws Exception {
    class Totals implements Callable<Integer> {
      @Override
      public Integer call() {
        return CompletableFuture.completedFuture(40).join() + 2; // await:local-join
      }
    }

    pool.submit( // spawn:approval
        new Runnable() {
          @Override
          public void run() {
            pool.execute( // spawn:nested
                new Runnable() {
                  @Override
                  public void run() {
                    awaitApproval(); // waits in the method of the outer anonymous class
                  }
                });
            awaitApproval();
          }

          private void awaitApproval() {
            bothWaiting.countDown();
            try {
              approval.await(); // await:approval
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    return pool.submit(new Totals()).get(); // await:totals-get
  }
}
