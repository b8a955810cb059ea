package dev.asyncinspect.analyzer.dump;

import java.util.List;

/**
 * A {@code thread} record: a thread that runs a live task, or that the JVM reports deadlocked.
 *
 * @param id {@code Thread.getId()}
 * @param name the thread name (may be empty for virtual threads)
 * @param virtual whether it is a virtual thread
 * @param state the {@code Thread.State} at dump time
 * @param daemon whether it is a daemon thread, or null when unknown
 * @param lock for a platform thread blocked on a lock, {@code ThreadInfo.getLockName()}; else null
 * @param lockOwner the thread id of that lock's owner, or null when unknown
 * @param stack the stack at dump time, innermost first; empty when absent
 */
public record ThreadInfo(
    long id,
    String name,
    boolean virtual,
    String state,
    Boolean daemon,
    String lock,
    Long lockOwner,
    List<StackFrame> stack) {

  public ThreadInfo {
    stack = Copies.list(stack);
  }
}
