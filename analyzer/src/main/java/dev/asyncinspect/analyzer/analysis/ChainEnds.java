package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the wait chain from each node ends, found once per node: the walk from a node stops at a
 * node whose end is known already and hands that end to every node of its path, so the total work
 * is linear however many chains share a tail. Walks are loops, not recursion.
 *
 * <p>The one-line {@link ChainEnd}s are made only for the ends someone asks for, as a dump with a
 * million running tasks has a million chain ends of which a report shows a few.
 */
final class ChainEnds {
  private static final int UNKNOWN = -2;

  private final WaitForGraph graph;
  private final ChainSteps steps;
  private final RootCauses causes;
  private final int[] next;
  private final int[] endNode;
  private final boolean[] onCycle;
  private final boolean[] endsInCycle;
  private final Map<Integer, List<Integer>> cycles = new HashMap<>();
  private final Map<Integer, ChainEnd> made = new HashMap<>();
  private final int[] pathPosition;
  private int[] path = new int[16];

  ChainEnds(WaitForGraph graph, ChainSteps steps) {
    this.graph = graph;
    this.steps = steps;
    this.causes = new RootCauses(graph);
    int n = graph.size();
    this.next = new int[n];
    this.endNode = new int[n];
    this.onCycle = new boolean[n];
    this.endsInCycle = new boolean[n];
    this.pathPosition = new int[n];
    Arrays.fill(next, UNKNOWN);
    Arrays.fill(endNode, UNKNOWN);
    Arrays.fill(pathPosition, -1);
  }

  /** The next node of the chain through {@code node}, or -1 where it ends. */
  int next(int node) {
    if (next[node] == UNKNOWN) {
      next[node] = steps.next(node);
    }
    return next[node];
  }

  /** Whether {@code node} lies on a cycle of chain steps. */
  boolean onCycle(int node) {
    resolve(node);
    return onCycle[node];
  }

  /** Where the chain through {@code node} ends, and why. */
  ChainEnd end(int node) {
    resolve(node);
    int at = endNode[node];
    return made.computeIfAbsent(
        at, key -> endsInCycle[node] ? causes.cycle(key, cycles.get(key)) : causes.at(key));
  }

  private void resolve(int start) {
    if (endNode[start] != UNKNOWN) {
      return;
    }
    // The nodes of the current walk are marked with their position on it, so a cycle is found
    // when the walk comes back to one of them.
    int length = 0;
    int v = start;
    while (v >= 0 && endNode[v] == UNKNOWN && pathPosition[v] < 0) {
      if (length == path.length) {
        path = Arrays.copyOf(path, length * 2);
      }
      pathPosition[v] = length;
      path[length++] = v;
      v = next(v);
    }
    int end;
    boolean cycle;
    if (v < 0) {
      end = path[length - 1];
      cycle = false;
    } else if (pathPosition[v] >= 0) {
      List<Integer> members = new ArrayList<>();
      for (int i = pathPosition[v]; i < length; i++) {
        members.add(path[i]);
        onCycle[path[i]] = true;
      }
      cycles.put(v, members);
      end = v;
      cycle = true;
    } else {
      end = endNode[v];
      cycle = endsInCycle[v];
    }
    for (int i = 0; i < length; i++) {
      endNode[path[i]] = end;
      endsInCycle[path[i]] = cycle;
      pathPosition[path[i]] = -1;
    }
  }
}
