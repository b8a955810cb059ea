package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many small tasks: one traced method starts 10,000 virtual threads, each running a traced request
 * handler that sleeps for a millisecond, and joins them all.
 *
 * <p>Under the agent: 10,000 {@code VirtualThreadFanOut.handleRequest} tasks (SYNC, root tasks:
 * work on another thread has no parent yet), all COMPLETED, none dropped.
 */
public final class VirtualThreadFanOut {

  static final int REQUESTS = 10_000;

  private final AtomicInteger handled = new AtomicInteger();

  public static void main(String[] args) throws InterruptedException {
    VirtualThreadFanOut app = new VirtualThreadFanOut();
    app.fanOut(REQUESTS);
    System.out.println("handled " + app.handled.get() + " requests");
  }

  @Trace
  void fanOut(int requests) throws InterruptedException {
    List<Thread> threads = new ArrayList<>(requests);
    for (int i = 0; i < requests; i++) {
      threads.add(Thread.ofVirtual().start(this::handleRequestUninterrupted)); // spawn:start
    }
    for (Thread thread : threads) {
      thread.join(); // await:join-request
    }
  }

  @Trace
  void handleRequest() throws InterruptedException {
    Thread.sleep(1); // await:sleep
    handled.incrementAndGet();
  }

  private void handleRequestUninterrupted() {
    try {
      handleRequest();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
