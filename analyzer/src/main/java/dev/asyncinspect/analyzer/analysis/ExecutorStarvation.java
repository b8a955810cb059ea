package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.ExecutorInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Executor-starvation deadlocks: a pool whose every worker is blocked, directly or through a chain
 * of waits, on work that is {@code QUEUED} on that same pool. No worker can free up to run the
 * queued work, so nothing moves, though the wait-for graph has no cycle (a queued task waits for
 * any one worker, see {@link WaitEdge.Relation#QUEUED_ON}).
 *
 * <p><b>Condition</b>, for each {@code EXECUTOR} object of the dump: its capacity is known (the
 * maximum pool size of a thread pool, the parallelism of a fork-join pool); it runs at least that
 * many SPAWNED tasks ({@code running}), so no worker is idle or untraced; and the wait chain of
 * each of them ({@link ChainSteps}: a running task goes into its innermost traced call on its
 * thread, a blocked one to what it waits on, a future to its producer or sources) ends at a task
 * queued on the same pool. A chain that ends anywhere else (a running task, a cycle, another pool)
 * clears the pool: that worker may free up.
 *
 * <p><b>Result</b>: one {@link Deadlock} of kind {@link Deadlock.Kind#STARVATION} per starved pool,
 * whose {@code cycle} holds the workers' chains one after another, each from the worker's task up
 * to the queued task, or up to a node an earlier worker's chain went through.
 *
 * <p><b>Cost</b>: O(pools × workers × chain length); each chain is walked once.
 */
final class ExecutorStarvation {
  private final WaitForGraph graph;
  private final ChainSteps steps;

  private ExecutorStarvation(WaitForGraph graph) {
    this.graph = graph;
    this.steps = new ChainSteps(graph);
  }

  /** The starved pools of a dump's wait-for graph, in the dump order of their executor objects. */
  static List<Deadlock> of(WaitForGraph graph) {
    ExecutorStarvation starvation = new ExecutorStarvation(graph);
    List<Deadlock> found = new ArrayList<>();
    for (ObjectInfo object : graph.dump().objects().values()) {
      if (object.kind() == ObjectKind.EXECUTOR && object.executor() != null) {
        Deadlock deadlock = starvation.check(object);
        if (deadlock != null) {
          found.add(deadlock);
        }
      }
    }
    return found;
  }

  private Deadlock check(ObjectInfo pool) {
    ExecutorInfo executor = pool.executor();
    Integer capacity = executor.capacity();
    if (capacity == null || capacity <= 0 || executor.running().size() < capacity) {
      return null;
    }
    List<WaitEdge> chains = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (long worker : executor.running()) {
      int node = graph.taskNode(worker);
      if (node < 0 || !chainEndsQueuedOn(node, pool.id(), chains, seen)) {
        return null;
      }
    }
    return new Deadlock(Deadlock.Kind.STARVATION, chains, false, List.of(), List.of(), pool.id());
  }

  /**
   * Walks the chain from a worker's task, adding its edges to {@code chains}; true when it ends at
   * a task queued on {@code poolId}, or joins a chain that did ({@code seen}).
   */
  private boolean chainEndsQueuedOn(
      int start, int poolId, List<WaitEdge> chains, Set<Integer> seen) {
    Set<Integer> walked = new HashSet<>();
    int node = start;
    while (true) {
      if (seen.contains(node)) {
        return true; // an earlier worker's chain, which ends at queued work of this pool
      }
      if (!walked.add(node)) {
        return false; // a cycle: a deadlock of its own, which Deadlocks reports
      }
      TaskInfo task = graph.task(node);
      if (task != null && task.state() == TaskState.QUEUED) {
        boolean here = task.executor() != null && task.executor() == poolId;
        if (here) {
          seen.addAll(walked);
        }
        return here;
      }
      int next = steps.next(node);
      if (next < 0) {
        return false;
      }
      WaitEdge edge = graph.edgeBetween(node, next);
      if (edge != null) {
        chains.add(edge);
      }
      node = next;
    }
  }
}
