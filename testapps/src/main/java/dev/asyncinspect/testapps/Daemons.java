package dev.asyncinspect.testapps;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for the test programs: daemon threads with readable names. */
final class Daemons {

  /** Daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
  static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Whether {@code threads} holds {@code count} threads and all of them are parked (WAITING), as a
   * thread is while it waits in {@code join} or {@code get}.
   */
  static boolean allWaiting(java.util.Collection<Thread> threads, int count) {
    return threads.size() == count
        && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
  }

  private Daemons() {}
}
