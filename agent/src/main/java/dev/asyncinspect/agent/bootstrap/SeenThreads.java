package dev.asyncinspect.agent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The platform threads that ran agent code (a traced task, a hand-off), remembered by id and name
 * so that a dump names the threads of finished tasks and of the event history too, also after the
 * threads ended: a timeline then shows {@code main} or {@code pool-1-thread-2} rather than a bare
 * id. Each thread is added once, when its {@link ThreadState} is made; the table holds the first
 * {@value #CAPACITY} and ignores later ones. Threads are held weakly. Virtual threads are left out:
 * they are many, and usually unnamed.
 */
final class SeenThreads {
  static final int CAPACITY = 1024;

  private static final AtomicReferenceArray<Seen> SEEN = new AtomicReferenceArray<>(CAPACITY);
  private static final AtomicInteger NEXT = new AtomicInteger();

  private SeenThreads() {}

  /** One thread: its id, its name when it was seen, and the thread while it lives. */
  static final class Seen {
    final long id;
    final String name;
    final boolean daemon;
    final WeakReference<Thread> thread;

    Seen(long id, String name, boolean daemon, WeakReference<Thread> thread) {
      this.id = id;
      this.name = name;
      this.daemon = daemon;
      this.thread = thread;
    }
  }

  /** Remembers a platform thread, if there is room. */
  static void add(long id, Thread thread, WeakReference<Thread> reference) {
    if (NEXT.get() >= CAPACITY) {
      return;
    }
    int at = NEXT.getAndIncrement();
    if (at < CAPACITY) {
      SEEN.set(at, new Seen(id, thread.getName(), thread.isDaemon(), reference));
    }
  }

  /**
   * Adds the threads seen to a dump's thread records by name and state only: a thread that runs a
   * live task is in the records in full already, and the stacks of the others would tell nothing
   * about traced work (and cost one stack walk each, per dump).
   */
  static void addTo(ThreadRecords records) {
    int count = Math.min(NEXT.get(), CAPACITY);
    for (int i = 0; i < count; i++) {
      Seen seen = SEEN.get(i);
      if (seen != null) { // null: being added right now
        records.addNamed(seen);
      }
    }
  }
}
