package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.JvmDeadlockInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.ThreadInfo;
import java.util.List;

/**
 * Merges the platform-thread deadlocks the JVM reports ({@code jvmDeadlock} records, with each
 * thread's {@code lock} and {@code lockOwner}) into a {@link WaitForGraph} under construction.
 *
 * <p>A thread stands for its innermost live task when it runs one, so that the JVM's edges and the
 * agent's meet on the same nodes. When that task is {@code BLOCKED} on an object the agent
 * recorded, the agent's wait edge already says what the thread waits on, and the JVM adds only who
 * owns it (which the agent may not know: a lock taken in untraced code has no recorded holder).
 */
final class JvmDeadlockEdges {
  private final Dump dump;
  private final WaitForGraphBuilder graph;

  JvmDeadlockEdges(Dump dump, WaitForGraphBuilder graph) {
    this.dump = dump;
    this.graph = graph;
  }

  void addAll() {
    for (JvmDeadlockInfo deadlock : dump.jvmDeadlocks()) {
      for (long threadId : deadlock.threads()) {
        dump.thread(threadId).ifPresent(this::add);
      }
    }
  }

  private void add(ThreadInfo thread) {
    if (thread.lock() == null) {
      return;
    }
    int waiter = graph.threadActor(thread.id());
    TaskInfo task = graph.taskOnThread(thread.id());
    int lock = task == null ? -1 : graph.awaitedObject(task);
    if (lock < 0) {
      lock = graph.jvmLock(thread.lock());
      graph.addEdge(
          new WaitEdge(waiter, lock, WaitEdge.Relation.JVM_WAITS_ON, null, where(thread.stack())));
    }
    if (thread.lockOwner() != null) {
      int owner = graph.threadActor(thread.lockOwner());
      graph.addEdge(new WaitEdge(lock, owner, WaitEdge.Relation.JVM_HELD_BY, null, null));
    }
  }

  /** The first frame outside the JDK, where application code waits; else the first frame. */
  static StackFrame where(List<StackFrame> stack) {
    for (StackFrame frame : stack) {
      if (!jdk(frame.className()) && !frame.nativeMethod()) {
        return frame;
      }
    }
    return stack.isEmpty() ? null : stack.get(0);
  }

  private static boolean jdk(String className) {
    return className.startsWith("java.")
        || className.startsWith("javax.")
        || className.startsWith("jdk.")
        || className.startsWith("sun.");
  }
}
