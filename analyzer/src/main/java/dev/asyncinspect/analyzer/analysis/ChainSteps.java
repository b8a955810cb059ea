package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;

/**
 * One step of a wait chain: from a node of the {@link WaitForGraph}, the one node that stands in
 * its way, or none where the chain ends. Where the graph offers several (a lock with several
 * holders), the first one still live is taken.
 *
 * <ul>
 *   <li>a {@code BLOCKED} task → what it waits on; a {@code RUNNING} task or a thread → the lock
 *       the JVM says its thread is blocked on, if any, else the nested traced call it is in;
 *   <li>a {@code SUSPENDED} task → the future it returned, when another task is to complete it;
 *   <li>a future not done → its producer, unless the producer finished; with no producer, its first
 *       source not done (a derived future);
 *   <li>a lock, a monitor, a thread being joined → its first live holder, owner or runner;
 *   <li>anything else ends the chain ({@link RootCauses} says why).
 * </ul>
 *
 * <p>A {@code SUSPENDED} task that is the producer of the future it returned ends the chain: its
 * method returned the future incomplete, so something else must complete it, and the dump knows no
 * such task.
 */
final class ChainSteps {
  private final WaitForGraph graph;

  ChainSteps(WaitForGraph graph) {
    this.graph = graph;
  }

  /** The next node of a chain that reaches {@code node}, or -1 where the chain ends. */
  int next(int node) {
    WaitNode wait = graph.node(node);
    switch (wait.kind()) {
      case TASK -> {
        TaskInfo task = graph.task(node);
        return switch (task.state()) {
          case BLOCKED ->
              firstTarget(node, WaitEdge.Relation.WAITS_ON, WaitEdge.Relation.JVM_WAITS_ON);
          case RUNNING ->
              firstTarget(node, WaitEdge.Relation.JVM_WAITS_ON, WaitEdge.Relation.CALLS);
          case SUSPENDED -> returnedFuture(node, task);
          default -> -1;
        };
      }
      case THREAD -> {
        return firstTarget(node, WaitEdge.Relation.JVM_WAITS_ON, null);
      }
      case JVM_LOCK -> {
        return firstLive(node);
      }
      default -> {
        ObjectInfo object = graph.object(node);
        if (object.kind() == ObjectKind.FUTURE) {
          int producer = firstTarget(node, WaitEdge.Relation.COMPLETED_BY, null);
          if (producer < 0) {
            return firstSource(node);
          }
          return !graph.task(producer).state().terminal() ? producer : -1;
        }
        return firstLive(node);
      }
    }
  }

  /**
   * A suspended task waits for the future it returned. The chain goes on through that future only
   * when another task is to complete it (a SPAWNED task running the work); when the task itself is
   * the producer, or there is none, no known task will complete it and the chain ends here.
   */
  private int returnedFuture(int node, TaskInfo task) {
    int future = task.future() == null ? -1 : graph.objectNode(task.future());
    if (future < 0) {
      return -1;
    }
    if (Boolean.TRUE.equals(graph.object(future).done())) {
      return future; // the chain ends there, saying the future is done
    }
    int producer = firstTarget(future, WaitEdge.Relation.COMPLETED_BY, null);
    return producer >= 0 && producer != node ? future : -1;
  }

  /** The first source of a derived future that is not done; -1 when none is. */
  private int firstSource(int node) {
    for (WaitEdge edge : graph.edgesFrom(node)) {
      if (edge.relation() == WaitEdge.Relation.DERIVED_FROM
          && !Boolean.TRUE.equals(graph.object(edge.to()).done())) {
        return edge.to();
      }
    }
    return -1;
  }

  private int firstTarget(int node, WaitEdge.Relation relation, WaitEdge.Relation orRelation) {
    for (WaitEdge edge : graph.edgesFrom(node)) {
      if (edge.relation() == relation) {
        return edge.to();
      }
    }
    if (orRelation != null) {
      for (WaitEdge edge : graph.edgesFrom(node)) {
        if (edge.relation() == orRelation) {
          return edge.to();
        }
      }
    }
    return -1;
  }

  /** The first holder, owner or runner that is a thread or a live task; -1 when none is. */
  private int firstLive(int node) {
    for (WaitEdge edge : graph.edgesFrom(node)) {
      TaskInfo task = graph.task(edge.to());
      if (task == null || !task.state().terminal()) {
        return edge.to();
      }
    }
    return -1;
  }
}
