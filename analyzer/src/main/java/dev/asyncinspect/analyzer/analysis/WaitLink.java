package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * One waiter of a wait chain or deadlock cycle, with the edges that say why it waits: what one line
 * of a report, or one link of its JSON, says.
 *
 * @param waiter the node of the task or thread that waits
 * @param waitsOn the edge to what it waits on, or null
 * @param release the edge from what it waits on (or, for a suspended task, from the future it
 *     returned) to who should release it, or null
 * @param calls the edge to the nested traced call a running task is in, or null
 */
record WaitLink(int waiter, WaitEdge waitsOn, WaitEdge release, WaitEdge calls) {

  /** The links of a cycle's edges: a wait and its release, or a nested call. */
  static List<WaitLink> ofCycle(List<WaitEdge> cycle) {
    List<WaitLink> links = new ArrayList<>();
    for (int i = 0; i < cycle.size(); i++) {
      WaitEdge edge = cycle.get(i);
      if (edge.relation() == WaitEdge.Relation.CALLS) {
        links.add(new WaitLink(edge.from(), null, null, edge));
      } else if (edge.waits()) {
        WaitEdge release = i + 1 < cycle.size() ? cycle.get(++i) : null;
        links.add(new WaitLink(edge.from(), edge, release, null));
      }
    }
    return links;
  }

  /**
   * The links of a chain's nodes. Where the chain stops (at its end, or where it joins another
   * chain), the last waiter's edges are taken from the graph, so that its line still says what it
   * waits on and who holds that.
   */
  static List<WaitLink> ofChain(WaitForGraph graph, List<Integer> nodes, int joins) {
    List<WaitLink> links = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      int waiter = nodes.get(i);
      if (!graph.node(waiter).waiter()) {
        continue;
      }
      int next = i + 1 < nodes.size() ? nodes.get(i + 1) : joins;
      if (next >= 0 && graph.node(next).waiter()) {
        links.add(new WaitLink(waiter, null, null, graph.edgeBetween(waiter, next)));
        continue;
      }
      int after = i + 2 < nodes.size() ? nodes.get(i + 2) : i + 1 < nodes.size() ? joins : -1;
      links.add(link(graph, waiter, next, after));
    }
    return links;
  }

  /** The link of a waiter, through {@code object} (or -1) to {@code next} (or -1). */
  private static WaitLink link(WaitForGraph graph, int waiter, int object, int next) {
    WaitEdge waitsOn = object >= 0 ? graph.edgeBetween(waiter, object) : first(graph, waiter, true);
    int waitedFor = waitsOn != null ? waitsOn.to() : returnedFuture(graph, waiter);
    WaitEdge release = null;
    if (waitedFor >= 0) {
      release = next >= 0 ? graph.edgeBetween(waitedFor, next) : first(graph, waitedFor, false);
      if (release != null && release.to() == waiter) {
        release = null; // a suspended task's own future: the root cause line says the rest
      }
    }
    WaitEdge calls = waitsOn == null && waitedFor < 0 ? first(graph, waiter, false) : null;
    if (calls != null && calls.relation() != WaitEdge.Relation.CALLS) {
      calls = null;
    }
    return new WaitLink(waiter, waitsOn, release, calls);
  }

  private static int returnedFuture(WaitForGraph graph, int waiter) {
    TaskInfo task = graph.task(waiter);
    if (task == null || task.state() != TaskState.SUSPENDED || task.future() == null) {
      return -1;
    }
    return graph.objectNode(task.future());
  }

  /** The first edge leaving a node; with {@code waits}, the first to what it waits on. */
  private static WaitEdge first(WaitForGraph graph, int node, boolean waits) {
    for (WaitEdge edge : graph.edgesFrom(node)) {
      if (!waits || edge.waits()) {
        return edge;
      }
    }
    return null;
  }
}
