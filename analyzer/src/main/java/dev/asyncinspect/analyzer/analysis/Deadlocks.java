package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.JvmDeadlockInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every deadlock of a dump: each knot of waits (a strongly connected component of the {@link
 * WaitForGraph} that has a cycle) is reported once, by a minimal cycle through its first task.
 *
 * <p><b>Algorithm.</b> {@link StrongComponents} (iterative Tarjan) finds the cyclic components; for
 * each, {@link ShortestCycle} searches breadth-first from its first waiter in dump order for the
 * shortest way back. A platform-thread deadlock the JVM reported is part of the graph already (see
 * {@link WaitForGraph}); it is marked {@link Deadlock#jvmReported()} on the cycle that covers its
 * threads, so that a deadlock both the agent and the JVM saw is reported once. A JVM report whose
 * locks the dump does not name, so that no cycle covers it, is reported on its own. Starved pools
 * ({@link ExecutorStarvation}) come last, in the dump order of their executors.
 *
 * <p><b>Cost</b>: O(n + m) in the nodes and edges of the graph; no recursion.
 */
public final class Deadlocks {
  private final WaitForGraph graph;

  private Deadlocks(WaitForGraph graph) {
    this.graph = graph;
  }

  /** The deadlocks of a dump's wait-for graph, in the dump order of their first task. */
  public static List<Deadlock> of(WaitForGraph graph) {
    return new Deadlocks(graph).find();
  }

  private List<Deadlock> find() {
    Digraph digraph = graph.digraph();
    StrongComponents components = StrongComponents.of(digraph);
    ShortestCycle shortest = new ShortestCycle(digraph, components);
    List<int[]> starts = new ArrayList<>();
    for (int component = 0; component < components.count(); component++) {
      if (components.cyclic(component)) {
        starts.add(new int[] {firstWaiter(components, component), component});
      }
    }
    // Components come in reverse topological order; users expect the order of the dump.
    starts.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<Deadlock> deadlocks = new ArrayList<>();
    Set<JvmDeadlockInfo> covered = new HashSet<>();
    for (int[] start : starts) {
      List<WaitEdge> cycle = new ArrayList<>();
      for (int edge : shortest.through(start[0])) {
        cycle.add(graph.edge(edge));
      }
      JvmDeadlockInfo reported = reportedByJvm(cycle);
      if (reported != null) {
        covered.add(reported);
      }
      deadlocks.add(
          new Deadlock(
              kind(cycle),
              cycle,
              reported != null,
              List.of(),
              otherTasks(components, start[1], cycle)));
    }
    for (JvmDeadlockInfo jvm : graph.dump().jvmDeadlocks()) {
      if (!covered.contains(jvm)) {
        deadlocks.add(new Deadlock(Deadlock.Kind.LOCK, List.of(), true, jvm.threads(), List.of()));
      }
    }
    deadlocks.addAll(ExecutorStarvation.of(graph));
    return deadlocks;
  }

  /** The component's first task in dump order, else its first thread, else its first node. */
  private int firstWaiter(StrongComponents components, int component) {
    int fallback = components.member(component, 0);
    for (int i = 0; i < components.size(component); i++) {
      int node = components.member(component, i);
      if (graph.node(node).waiter()) {
        // Task nodes come first in the graph, in dump order, and threads after objects.
        return node;
      }
    }
    return fallback;
  }

  private Deadlock.Kind kind(List<WaitEdge> cycle) {
    boolean futures = false;
    boolean locks = false;
    boolean others = false;
    for (WaitEdge edge : cycle) {
      if (!edge.waits()) {
        continue;
      }
      ObjectInfo object = graph.object(edge.to());
      if (object == null
          || object.kind() == ObjectKind.LOCK
          || object.kind() == ObjectKind.MONITOR) {
        locks = true; // a lock only the JVM reported, or a lock the agent recorded
      } else if (object.kind() == ObjectKind.FUTURE) {
        futures = true;
      } else {
        others = true;
      }
    }
    if (others || (futures && locks)) {
      return Deadlock.Kind.MIXED;
    }
    return futures ? Deadlock.Kind.FUTURE : Deadlock.Kind.LOCK;
  }

  /** The JVM report whose threads include every thread of the cycle, or null. */
  private JvmDeadlockInfo reportedByJvm(List<WaitEdge> cycle) {
    Set<Long> threads = new HashSet<>();
    for (WaitEdge edge : cycle) {
      WaitNode node = graph.node(edge.from());
      if (node.kind() == WaitNode.Kind.THREAD) {
        threads.add(node.id());
      } else if (node.kind() == WaitNode.Kind.TASK) {
        TaskInfo task = graph.task(edge.from());
        if (task == null || task.thread() == null) {
          return null;
        }
        threads.add(task.thread());
      }
    }
    for (JvmDeadlockInfo jvm : graph.dump().jvmDeadlocks()) {
      if (!threads.isEmpty() && jvm.threads().containsAll(threads)) {
        return jvm;
      }
    }
    return null;
  }

  private List<Long> otherTasks(StrongComponents components, int component, List<WaitEdge> cycle) {
    Set<Integer> onCycle = new HashSet<>();
    for (WaitEdge edge : cycle) {
      onCycle.add(edge.from());
    }
    List<Long> others = new ArrayList<>();
    for (int i = 0; i < components.size(component); i++) {
      int node = components.member(component, i);
      if (graph.node(node).kind() == WaitNode.Kind.TASK && !onCycle.contains(node)) {
        others.add(graph.node(node).id());
      }
    }
    return others;
  }
}
