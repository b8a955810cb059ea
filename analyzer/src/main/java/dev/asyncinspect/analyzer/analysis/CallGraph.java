package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The async call graph of a dump: traced methods as nodes; {@link EdgeKind#CALLS} edges from the
 * tasks' parent links and {@link EdgeKind#AWAITS} edges from waits on futures, with counts and
 * times; each method classified by {@link AsyncUse} and marked when it is a bottleneck.
 *
 * <p><b>Bottleneck rule.</b> A method is a bottleneck when the self time of its tasks (their
 * inclusive time minus the time covered by their child tasks, see {@link TaskTimes}) is at least
 * {@link #BOTTLENECK_SHARE} of the <em>wall span</em> of the dump's tasks (first start to last end,
 * or to the dump's moment while tasks are live). Self time rather than inclusive time, so that the
 * caller at the root of everything is not a bottleneck merely for containing the real one; a share
 * of the wall span rather than of the summed time of all methods, so that an idle program has no
 * bottleneck. Overlapping tasks of one method can make the share exceed 100 %.
 *
 * <p>A SPAWNED task (work a method handed to another thread: a lambda it defines, run by an
 * executor or a new thread) belongs to the method that handed it off: it is counted as {@link
 * MethodNode#spawned()}, not as a call, and its self time is that method's, since the lambda is
 * that method's code. Traced calls made from spawned work are edges from the spawning method.
 *
 * <p>Built from the tasks, objects and events in the dump: a dump that no longer retains some
 * finished tasks shows the calls of the retained ones only ({@link MethodNode#callsSinceStart()}
 * says how many there were). Cost: O(tasks log tasks + events).
 *
 * @param wallSpanNanos the wall span of the dump's tasks
 * @param nodes every traced method of the dump, in dump order
 * @param edges calls first, then waits; each group by source, then target method id
 */
public record CallGraph(long wallSpanNanos, List<MethodNode> nodes, List<CallEdge> edges) {

  /** The share of the wall span from which a method's self time makes it a bottleneck: 20 %. */
  public static final double BOTTLENECK_SHARE = 0.20;

  public CallGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** The call graph of a dump. */
  public static CallGraph of(Dump dump) {
    TaskIndex index = TaskIndex.of(dump);
    TaskTimes times = TaskTimes.of(index, dump.header().dumpNanos());
    Map<Integer, AsyncUse> asyncUse = AsyncUseEvidence.classify(dump, index);
    Map<Integer, MethodSums> perMethod = new HashMap<>();
    EdgeTally edges = new EdgeTally();
    for (int slot = 0; slot < index.size(); slot++) {
      TaskInfo task = index.task(slot);
      MethodSums sums = perMethod.computeIfAbsent(task.method(), id -> new MethodSums());
      if (task.kind() == TaskKind.SPAWNED) {
        // Work handed off from the method (a lambda it defines, run elsewhere): its own time is
        // the method's, but it is no call of it, and no edge (its parent runs the same method).
        sums.spawned++;
        sums.self += times.self(slot);
        continue;
      }
      sums.calls++;
      sums.inclusive += times.inclusive(task);
      sums.self += times.self(slot);
      if (!task.state().terminal()) {
        sums.live++;
      }
      int parent = index.parentSlot(slot);
      if (parent >= 0) {
        edges.add(
            index.method(parent), task.method(), EdgeKind.CALLS, times.inclusive(task), false);
      }
    }
    FutureWaits.addTo(dump, index, edges);
    Map<Integer, Long> finished = new HashMap<>();
    for (StatsInfo stats : dump.methodStats()) {
      finished.putIfAbsent(stats.id(), stats.count());
    }
    long wall = times.wallSpan();
    List<MethodNode> nodes = new ArrayList<>(dump.methods().size());
    for (MethodInfo method : dump.methods().values()) {
      MethodSums sums = perMethod.getOrDefault(method.id(), new MethodSums());
      double share = wall == 0 ? 0 : (double) sums.self / wall;
      Long finishedCalls = finished.get(method.id());
      nodes.add(
          new MethodNode(
              method,
              sums.calls,
              sums.spawned,
              finishedCalls == null ? -1 : finishedCalls + sums.live,
              sums.inclusive,
              sums.self,
              share,
              asyncUse.get(method.id()),
              sums.self > 0 && share >= BOTTLENECK_SHARE));
    }
    // A task may name a method the dump lacks (the reader warned); no edge may point nowhere.
    List<CallEdge> known = new ArrayList<>();
    for (CallEdge edge : edges.edges()) {
      if (dump.method(edge.from()) != null && dump.method(edge.to()) != null) {
        known.add(edge);
      }
    }
    return new CallGraph(wall, nodes, known);
  }

  /** The node of a method, or null when the graph has none. */
  public MethodNode node(int methodId) {
    for (MethodNode node : nodes) {
      if (node.id() == methodId) {
        return node;
      }
    }
    return null;
  }

  /** The edges of a kind that leave a method, in edge order. */
  public List<CallEdge> edgesFrom(int methodId, EdgeKind kind) {
    List<CallEdge> from = new ArrayList<>();
    for (CallEdge edge : edges) {
      if (edge.from() == methodId && edge.kind() == kind) {
        from.add(edge);
      }
    }
    return from;
  }

  /** The nodes by method id, in node order. */
  public Map<Integer, MethodNode> nodesById() {
    Map<Integer, MethodNode> byId = new LinkedHashMap<>();
    for (MethodNode node : nodes) {
      byId.put(node.id(), node);
    }
    return byId;
  }

  /** What the tasks of one method add up to. */
  private static final class MethodSums {
    long calls;
    long spawned;
    long live;
    long inclusive;
    long self;
  }
}
