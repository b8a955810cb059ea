package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays the stuck tasks out on {@link WaitChain}s, each stuck task on exactly one, without repeating
 * a shared tail: a chain stops where it meets a node an earlier chain showed.
 *
 * <p>Chains start at the stuck tasks that no other stuck task's chain passes through, in dump
 * order, so that the task a person sees first is the one furthest from the root cause. Every node
 * is marked at most twice (reached, then shown), so listing is linear in the graph.
 */
final class ChainLister {
  private final WaitForGraph graph;
  private final ChainEnds ends;
  private final boolean[] stuck;
  private final boolean[] shown;

  ChainLister(WaitForGraph graph, ChainEnds ends) {
    this.graph = graph;
    this.ends = ends;
    this.stuck = new boolean[graph.size()];
    this.shown = new boolean[graph.size()];
  }

  List<WaitChain> list(List<TaskInfo> stuckTasks) {
    boolean[] reached = new boolean[graph.size()];
    for (TaskInfo task : stuckTasks) {
      stuck[graph.taskNode(task.id())] = true;
    }
    for (TaskInfo task : stuckTasks) {
      for (int v = ends.next(graph.taskNode(task.id())); v >= 0 && !reached[v]; v = ends.next(v)) {
        reached[v] = true;
      }
    }
    List<WaitChain> chains = new ArrayList<>();
    for (TaskInfo task : stuckTasks) {
      int node = graph.taskNode(task.id());
      if (!reached[node]) {
        chains.add(chainFrom(node));
      }
    }
    // Every stuck task is on a chain from a head by now; this only guards that promise.
    for (TaskInfo task : stuckTasks) {
      int node = graph.taskNode(task.id());
      if (!shown[node]) {
        chains.add(chainFrom(node));
      }
    }
    return chains;
  }

  private WaitChain chainFrom(int start) {
    List<Integer> nodes = new ArrayList<>();
    List<Long> stuckTasks = new ArrayList<>();
    int joins = -1;
    for (int v = start; v >= 0; v = ends.next(v)) {
      if (shown[v]) {
        joins = v;
        break;
      }
      nodes.add(v);
      if (stuck[v]) {
        stuckTasks.add(graph.node(v).id());
      }
      if (ends.onCycle(v)) {
        // Not marked as shown: every chain into a deadlock ends at the deadlock itself.
        break;
      }
      shown[v] = true;
    }
    return new WaitChain(nodes, ends.end(start), joins, stuckTasks);
  }
}
