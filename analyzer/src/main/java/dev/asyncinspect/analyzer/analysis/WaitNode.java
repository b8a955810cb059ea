package dev.asyncinspect.analyzer.analysis;

/**
 * A node of the {@link WaitForGraph}: something that waits, or something waited on.
 *
 * @param kind what the node stands for
 * @param id the task id, object id or thread id; for {@link Kind#JVM_LOCK}, a number within the
 *     graph
 * @param lockName for {@link Kind#JVM_LOCK}, the JVM's name of the lock ({@code
 *     java.lang.Object@3f2a1b}); else null
 */
public record WaitNode(Kind kind, long id, String lockName) {

  /** What a node stands for. */
  public enum Kind {
    /** A task of the dump. */
    TASK,
    /** An object of the dump: a future, a lock, a monitor, a latch, a thread being joined... */
    OBJECT,
    /** A platform thread the JVM reports deadlocked, which runs no traced task. */
    THREAD,
    /** A lock the JVM reports, which the agent did not record as an object. */
    JVM_LOCK
  }

  /** Whether a task or thread: something that waits, as opposed to something waited on. */
  public boolean waiter() {
    return kind == Kind.TASK || kind == Kind.THREAD;
  }
}
