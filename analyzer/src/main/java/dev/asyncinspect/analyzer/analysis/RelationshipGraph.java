package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What relates the tasks, futures, locks and threads of a dump, for a drawing: the edges of the
 * {@link WaitForGraph} (who waits on what, who is to complete or release it) and the parent links
 * between live tasks, with the edges and nodes of every deadlock marked.
 *
 * <p>Only nodes with at least one relation are drawn, and at most {@link #MAX_NODES}: those of
 * deadlocks first, then those of stuck tasks' wait chains, then the others in the graph's order.
 *
 * @param nodes the nodes, in the graph's order
 * @param edges the edges between them
 * @param omitted how many related nodes were left out to stay within {@link #MAX_NODES}
 */
public record RelationshipGraph(List<Node> nodes, List<Edge> edges, int omitted) {
  /** The most nodes a drawing gets. */
  public static final int MAX_NODES = 150;

  public RelationshipGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * A node.
   *
   * @param key a stable identifier: {@code task-12}, {@code object-3}, {@code thread-5}, {@code
   *     lock-1}
   * @param kind what it stands for
   * @param name {@code #12 Cache.load}, {@code CompletableFuture@5e9f23b4}, {@code thread "main"}
   * @param detail a task's state and time in it, an object's kind; may be empty
   * @param deadlocked whether it is part of a deadlock
   * @param stuck whether it is on a stuck task's wait chain
   */
  public record Node(
      String key,
      WaitNode.Kind kind,
      String name,
      String detail,
      boolean deadlocked,
      boolean stuck) {}

  /**
   * An edge.
   *
   * @param from the index of its source in {@code nodes}
   * @param to the index of its target
   * @param relation what it means; null for a parent task's link to a child it started
   * @param label what it says: {@code waits at Cache.java:37 join()}, {@code completed by}
   * @param deadlocked whether it is an edge of a deadlock's cycle
   */
  public record Edge(
      int from, int to, WaitEdge.Relation relation, String label, boolean deadlocked) {}

  /** The relationships of a dump's wait-for graph, its deadlocks and its stuck tasks. */
  public static RelationshipGraph of(
      WaitForGraph graph, List<Deadlock> deadlocks, StuckTasks stuck) {
    Set<Long> cycleEdges = new HashSet<>();
    Set<Integer> deadlocked = new LinkedHashSet<>();
    for (Deadlock deadlock : deadlocks) {
      for (WaitEdge edge : deadlock.cycle()) {
        cycleEdges.add(pair(edge.from(), edge.to()));
        deadlocked.add(edge.from());
        deadlocked.add(edge.to());
      }
    }
    Set<Integer> onChains = new LinkedHashSet<>();
    for (WaitChain chain : stuck.chains()) {
      onChains.addAll(chain.nodes());
    }
    Set<Integer> related = new TreeSet<>(); // in the graph's order
    for (int node = 0; node < graph.size(); node++) {
      for (WaitEdge edge : graph.edgesFrom(node)) {
        related.add(edge.from());
        related.add(edge.to());
      }
    }
    Dump dump = graph.dump();
    List<int[]> parents = new ArrayList<>();
    for (TaskInfo task : dump.tasks()) {
      if (task.parent() != null && !task.state().terminal()) {
        int parent = graph.taskNode(task.parent());
        int child = graph.taskNode(task.id());
        TaskInfo parentTask = parent < 0 ? null : graph.task(parent);
        if (parentTask != null && !parentTask.state().terminal()) {
          parents.add(new int[] {parent, child});
          related.add(parent);
          related.add(child);
        }
      }
    }
    Set<Integer> kept = new LinkedHashSet<>(deadlocked);
    for (Set<Integer> group : List.of(onChains, related)) {
      for (int node : group) {
        if (kept.size() < MAX_NODES && related.contains(node)) {
          kept.add(node);
        }
      }
    }
    int omitted = (int) related.stream().filter(node -> !kept.contains(node)).count();
    Map<Integer, Integer> index = new HashMap<>();
    List<Node> nodes = new ArrayList<>();
    for (int node : related) {
      if (kept.contains(node)) {
        index.put(node, nodes.size());
        nodes.add(node(graph, node, deadlocked.contains(node), onChains.contains(node)));
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (int node = 0; node < graph.size(); node++) {
      for (WaitEdge edge : graph.edgesFrom(node)) {
        Integer from = index.get(edge.from());
        Integer to = index.get(edge.to());
        if (from != null && to != null) {
          boolean onCycle = cycleEdges.contains(pair(edge.from(), edge.to()));
          edges.add(new Edge(from, to, edge.relation(), label(graph, edge), onCycle));
        }
      }
    }
    for (int[] link : parents) {
      Integer from = index.get(link[0]);
      Integer to = index.get(link[1]);
      if (from != null && to != null) {
        edges.add(new Edge(from, to, null, "started", false));
      }
    }
    return new RelationshipGraph(nodes, edges, omitted);
  }

  private static long pair(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  private static Node node(WaitForGraph graph, int node, boolean deadlocked, boolean stuck) {
    WaitNode wait = graph.node(node);
    Dump dump = graph.dump();
    String detail =
        switch (wait.kind()) {
          case TASK -> {
            TaskInfo task = graph.task(node);
            yield task == null
                ? ""
                : task.state() + " " + DurationFormat.format(dump.timeInState(task));
          }
          case OBJECT -> {
            ObjectInfo object = graph.object(node);
            yield object == null ? "" : object.kind().toString();
          }
          case THREAD -> "no traced task";
          case JVM_LOCK -> "lock (JVM)";
        };
    String key = wait.kind().toString().toLowerCase(java.util.Locale.ROOT) + "-" + wait.id();
    return new Node(key, wait.kind(), Names.node(graph, node), detail, deadlocked, stuck);
  }

  private static String label(WaitForGraph graph, WaitEdge edge) {
    return switch (edge.relation()) {
      case WAITS_ON -> "waits at " + Names.awaitPoint(graph.dump(), edge.point());
      case COMPLETED_BY -> "completed by";
      case DERIVED_FROM -> "derived from";
      case QUEUED_ON -> "queued on";
      case HELD_BY -> "held by";
      case RUN_BY -> "run by";
      case CALLS -> "in nested call";
      case JVM_WAITS_ON -> "blocked on (JVM)";
      case JVM_HELD_BY -> "owned by (JVM)";
    };
  }
}
