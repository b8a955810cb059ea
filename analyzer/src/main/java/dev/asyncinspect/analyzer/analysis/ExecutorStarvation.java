package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.ExecutorInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Executor-starvation deadlocks: pools whose every worker is blocked, directly or through a chain
 * of waits, on work that is {@code QUEUED} on one of those same pools. No worker can free up to run
 * the queued work, so nothing moves, though the wait-for graph has no cycle (a queued task waits
 * for any one worker, see {@link WaitEdge.Relation#QUEUED_ON}). The simplest case is one pool whose
 * workers wait for work queued behind them; two pools whose workers each wait for work queued on
 * the other starve each other the same way.
 *
 * <p><b>Full pools.</b> An {@code EXECUTOR} object of the dump whose capacity is known (the maximum
 * pool size of a thread pool, the parallelism of a fork-join pool) and that runs at least that many
 * SPAWNED tasks ({@code running}), so no worker is idle or untraced. The wait chain of each worker
 * ({@link ChainSteps}: a running task goes into its innermost traced call on its thread, a blocked
 * one to what it waits on, a future to its producer or sources) either ends at a task queued on
 * some pool, or elsewhere (a running task, a cycle, an unknown producer): that worker may free up,
 * and its pool is not starved.
 *
 * <p><b>Starved pools</b> are the largest set S of full pools such that every worker of a pool in S
 * waits for work queued on a pool in S (found by removing, until none is left to remove, each pool
 * with a worker that waits for anything else). A pool of S waits for the pools its workers' queued
 * work is on; <b>each knot of that relation</b> (a strongly connected set of pools that waits on
 * itself: one pool waiting for itself, or pools waiting for each other) is one deadlock. A starved
 * pool outside every knot only waits for one; its tasks are stuck, not deadlocked.
 *
 * <p><b>Result</b>: one {@link Deadlock} of kind {@link Deadlock.Kind#STARVATION} per knot, whose
 * {@code executors} are the knot's pools in dump order, and whose {@code cycle} holds the workers'
 * chains one after another, each from the worker's task up to the queued task, or up to a node an
 * earlier worker's chain went through.
 *
 * <p><b>Cost</b>: O(pools × workers × chain length) for the chains, each walked once, plus
 * O(pools²) for the knots.
 */
final class ExecutorStarvation {
  private final WaitForGraph graph;
  private final ChainSteps steps;

  /** Per node walked so far: the id of the pool its chain ends queued on, or {@link #NONE}. */
  private final Map<Integer, Integer> ends = new HashMap<>();

  private static final int NONE = Integer.MIN_VALUE;

  private ExecutorStarvation(WaitForGraph graph) {
    this.graph = graph;
    this.steps = new ChainSteps(graph);
  }

  /** The starvation knots of a dump's wait-for graph, in the dump order of their first pools. */
  static List<Deadlock> of(WaitForGraph graph) {
    return new ExecutorStarvation(graph).find();
  }

  private List<Deadlock> find() {
    // Full pools and, for each, the pools its workers wait on (dump order kept throughout).
    Map<Integer, Set<Integer>> waitsOn = new LinkedHashMap<>();
    for (ObjectInfo object : graph.dump().objects().values()) {
      if (object.kind() == ObjectKind.EXECUTOR && object.executor() != null) {
        Set<Integer> targets = targets(object.executor());
        if (targets != null) {
          waitsOn.put(object.id(), targets);
        }
      }
    }
    boolean removed = true;
    while (removed) {
      removed = waitsOn.values().removeIf(targets -> !waitsOn.keySet().containsAll(targets));
    }
    List<Deadlock> found = new ArrayList<>();
    Set<Integer> reported = new HashSet<>();
    for (int pool : waitsOn.keySet()) {
      if (reported.contains(pool)) {
        continue;
      }
      Set<Integer> knot = knotOf(pool, waitsOn);
      if (!knot.isEmpty()) {
        reported.addAll(knot);
        found.add(deadlock(knot));
      }
    }
    return found;
  }

  /**
   * The pools the workers of a full pool wait for work queued on; null when the pool is not full or
   * one of its workers' chains ends elsewhere.
   */
  private Set<Integer> targets(ExecutorInfo executor) {
    Integer capacity = executor.capacity();
    if (capacity == null || capacity <= 0 || executor.running().size() < capacity) {
      return null;
    }
    Set<Integer> targets = new LinkedHashSet<>();
    for (long worker : executor.running()) {
      int node = graph.taskNode(worker);
      int end = node < 0 ? NONE : endOf(node, null, new HashSet<>());
      if (end == NONE) {
        return null;
      }
      targets.add(end);
    }
    return targets;
  }

  /**
   * The pool that the chain from {@code start} ends queued on, or {@link #NONE}. Adds the chain's
   * edges to {@code chain} when it is not null, stopping at a node in {@code shown} (a chain shown
   * before, which goes on the same way) and adding the nodes it walks to {@code shown}.
   */
  private int endOf(int start, List<WaitEdge> chain, Set<Integer> shown) {
    List<Integer> walked = new ArrayList<>();
    Set<Integer> onPath = new HashSet<>();
    int node = start;
    int end;
    while (true) {
      if (chain != null && shown.contains(node)) {
        end = ends.getOrDefault(node, NONE);
        break;
      }
      Integer known = chain == null ? ends.get(node) : null;
      if (known != null) {
        end = known;
        break;
      }
      if (!onPath.add(node)) {
        end = NONE; // a cycle: a deadlock of its own, which Deadlocks reports
        break;
      }
      walked.add(node);
      TaskInfo task = graph.task(node);
      if (task != null && task.state() == TaskState.QUEUED) {
        end = task.executor() == null ? NONE : task.executor();
        break;
      }
      int next = steps.next(node);
      if (next < 0) {
        end = NONE;
        break;
      }
      if (chain != null) {
        WaitEdge edge = graph.edgeBetween(node, next);
        if (edge != null) {
          chain.add(edge);
        }
      }
      node = next;
    }
    for (int each : walked) {
      ends.put(each, end);
      if (chain != null) {
        shown.add(each);
      }
    }
    return end;
  }

  /**
   * The knot {@code pool} is in: the pools that wait on it, directly or through others, and that it
   * waits on the same way; empty when it is in none (it waits on a knot, or on nothing).
   */
  private static Set<Integer> knotOf(int pool, Map<Integer, Set<Integer>> waitsOn) {
    Set<Integer> reached = reach(pool, waitsOn);
    Set<Integer> knot = new LinkedHashSet<>();
    for (int other : waitsOn.keySet()) {
      if (reached.contains(other) && reach(other, waitsOn).contains(pool)) {
        knot.add(other);
      }
    }
    return knot;
  }

  /** The pools {@code from} waits on, directly or through others (itself only through a loop). */
  private static Set<Integer> reach(int from, Map<Integer, Set<Integer>> waitsOn) {
    Set<Integer> reached = new HashSet<>();
    List<Integer> todo = new ArrayList<>(waitsOn.get(from));
    while (!todo.isEmpty()) {
      int next = todo.remove(todo.size() - 1);
      if (reached.add(next)) {
        todo.addAll(waitsOn.get(next));
      }
    }
    return reached;
  }

  private Deadlock deadlock(Set<Integer> knot) {
    List<WaitEdge> chains = new ArrayList<>();
    Set<Integer> shown = new HashSet<>();
    for (int pool : knot) {
      for (long worker : graph.dump().object(pool).executor().running()) {
        endOf(graph.taskNode(worker), chains, shown);
      }
    }
    return new Deadlock(
        Deadlock.Kind.STARVATION, chains, false, List.of(), List.of(), List.copyOf(knot));
  }
}
