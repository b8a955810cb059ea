package dev.asyncinspect.agent.bootstrap;

import java.lang.ref.WeakReference;

/**
 * What the agent keeps per thread: the task that runs on it now. The thread itself is held weakly,
 * so the agent never keeps a finished thread alive.
 */
final class ThreadState {
  private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

  final long threadId;
  final WeakReference<Thread> thread;

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
    this.thread = new WeakReference<>(self);
    if (ThreadRecords.isVirtual(self)) {
      if (PinnedWatch.enabled) {
        PinnedWatch.virtualThreadSeen();
      }
    } else {
      SeenThreads.add(threadId, self, thread);
    }
  }

  static ThreadState current() {
    return CURRENT.get();
  }

  /** The current thread's task, or null, without creating state for threads that have none. */
  static TaskRecord currentTask() {
    return CURRENT.get().current;
  }
}
