package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock-order deadlock between two virtual threads, which the JVM's own deadlock detector does not
 * see: {@code transfer} locks the accounts and then the ledger, {@code audit} the ledger and then
 * the accounts.
 *
 * <p>Under the agent: both tasks BLOCKED at their second {@code lock()}, each holding the lock the
 * other one waits for.
 */
public final class VirtualThreadDeadlock {

  private final ReentrantLock accounts = new ReentrantLock();
  private final ReentrantLock ledger = new ReentrantLock();

  /** Makes sure that each side holds its first lock before it asks for the second. */
  private final CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);

  public static void main(String[] args) throws InterruptedException {
    VirtualThreadDeadlock app = new VirtualThreadDeadlock();
    Thread.ofVirtual().name("transfer").start(() -> app.run(app::transfer));
    Thread.ofVirtual().name("audit").start(() -> app.run(app::audit));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(app.accounts.hasQueuedThreads() && app.ledger.hasQueuedThreads())) {
      if (System.nanoTime() > deadline) {
        System.out.println("no deadlock");
        System.exit(1);
      }
      Thread.sleep(5);
    }
    // Virtual threads do not keep the JVM alive: main returns and the JVM exits.
    System.out.println("deadlocked: transfer and audit wait for each other's lock");
  }

  @Trace
  void transfer() throws InterruptedException {
    accounts.lock(); // await:transfer-locks-accounts
    try {
      bothHoldTheirFirstLock.countDown();
      bothHoldTheirFirstLock.await();
      ledger.lock(); // await:transfer-locks-ledger
      ledger.unlock();
    } finally {
      accounts.unlock();
    }
  }

  @Trace
  void audit() throws InterruptedException {
    ledger.lock(); // await:audit-locks-ledger
    try {
      bothHoldTheirFirstLock.countDown();
      bothHoldTheirFirstLock.await();
      accounts.lock(); // await:audit-locks-accounts
      accounts.unlock();
    } finally {
      ledger.unlock();
    }
  }

  private interface Step {
    void run() throws InterruptedException;
  }

  private void run(Step step) {
    try {
      step.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
