package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hang: {@code loadProfile} joins the future of {@code fetchUser}, which nobody ever completes.
 *
 * <p>Under the agent: {@code StuckFuture.loadProfile} BLOCKED at the join on a future whose
 * producer is its child {@code StuckFuture.fetchUser}, SUSPENDED forever.
 */
public final class StuckFuture {

  /** The bug: a future that the code forgot to complete. */
  private final CompletableFuture<String> user = new CompletableFuture<>();

  public static void main(String[] args) throws InterruptedException {
    StuckFuture app = new StuckFuture();
    Thread loader = new Thread(app::loadProfile, "profile-loader");
    loader.setDaemon(true); // so that the stuck thread does not keep the JVM alive
    loader.start();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!app.loaderIsParkedInJoin(loader)) {
      if (System.nanoTime() > deadline) {
        System.out.println("the loader never got stuck");
        System.exit(1);
      }
      Thread.sleep(5);
    }
    System.out.println("profile loader is stuck waiting for the user");
  }

  @Trace
  String loadProfile() {
    return "profile of " + fetchUser().join(); // await:join-user
  }

  @Trace
  CompletableFuture<String> fetchUser() {
    return user;
  }

  /** A join registers itself on the future, then parks its thread: both must be visible. */
  private boolean loaderIsParkedInJoin(Thread loader) {
    return user.getNumberOfDependents() > 0 && loader.getState() == Thread.State.WAITING;
  }
}
