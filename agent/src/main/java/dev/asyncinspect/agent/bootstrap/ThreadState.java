package dev.asyncinspect.agent.bootstrap;

import java.lang.ref.WeakReference;

/**
 * What the agent keeps per thread: the task that runs on it now. A platform thread is held weakly,
 * so the agent never keeps a finished thread alive. A virtual thread is held strongly, which does
 * not keep it alive either: only the thread's own thread-local map refers to its state for good
 * (records refer to it only while their task runs or waits on it), and a weak reference per virtual
 * thread would cost an allocation and the collector's work for each.
 */
final class ThreadState {
  private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

  final long threadId;

  /** For a platform thread, the thread; null for a virtual thread ({@link #virtualThread}). */
  final WeakReference<Thread> thread;

  private final Thread virtualThread;

  /** The stripe of the recorder's counters and events its tasks write ({@link Stripes}). */
  final int stripe;

  /** The innermost traced task running on this thread; only this thread writes it. */
  TaskRecord current;

  /** The SPAWNED task of the hand-off call in progress, until the call returns its future. */
  TaskRecord handingOff;

  /** The id {@link #handingOff} had: its record may be reused once the task has ended. */
  long handingOffId;

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same on 17+.
  private ThreadState() {
    Thread self = Thread.currentThread();
    this.threadId = self.getId();
    boolean virtual = ThreadRecords.isVirtual(self);
    this.stripe = Stripes.forCurrentThread(virtual);
    if (virtual) {
      this.thread = null;
      this.virtualThread = self;
      if (PinnedWatch.enabled) {
        PinnedWatch.virtualThreadSeen();
      }
    } else {
      this.thread = new WeakReference<>(self);
      this.virtualThread = null;
      SeenThreads.add(threadId, self, thread);
    }
  }

  /** The thread, or null once a platform thread was collected. */
  Thread thread() {
    return virtualThread != null ? virtualThread : thread.get();
  }

  static ThreadState current() {
    return CURRENT.get();
  }

  /** The current thread's task, or null, without creating state for threads that have none. */
  static TaskRecord currentTask() {
    return CURRENT.get().current;
  }
}
