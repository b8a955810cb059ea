package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link TaskGraph}s of a dump from its {@link WaitForGraph} and its {@link Deadlock}s:
 * the relationship graph and the wait-for graph. Cost: O(nodes + edges + cycle edges).
 */
public final class TaskGraphs {
  private final WaitForGraph graph;
  private final Set<Long> deadlockedEdges = new HashSet<>();
  private final Set<Integer> deadlockedNodes = new HashSet<>();

  private TaskGraphs(WaitForGraph graph, List<Deadlock> deadlocks) {
    this.graph = graph;
    for (Deadlock deadlock : deadlocks) {
      for (WaitEdge edge : deadlock.cycle()) {
        deadlockedEdges.add(key(edge.from(), edge.to()));
        deadlockedNodes.add(edge.from());
        deadlockedNodes.add(edge.to());
      }
    }
  }

  /**
   * Every task of the dump, parent → child edges, and the wait-for graph's edges with the objects,
   * threads and locks they go through.
   */
  public static TaskGraph relations(WaitForGraph graph, List<Deadlock> deadlocks) {
    return new TaskGraphs(graph, deadlocks).build("async-inspect relationship graph", true);
  }

  /** Only the waits: the wait-for graph's edges and the nodes they join. */
  public static TaskGraph waitFor(WaitForGraph graph, List<Deadlock> deadlocks) {
    return new TaskGraphs(graph, deadlocks).build("async-inspect wait-for graph", false);
  }

  private TaskGraph build(String title, boolean relations) {
    Dump dump = graph.dump();
    Set<Integer> shown = new LinkedHashSet<>();
    List<TaskGraph.Edge> edges = new ArrayList<>();
    if (relations) {
      for (TaskInfo task : dump.tasks()) {
        int node = graph.taskNode(task.id());
        shown.add(node);
        int parent = task.parent() == null ? -1 : graph.taskNode(task.parent());
        if (parent >= 0 && parent != node) {
          edges.add(
              new TaskGraph.Edge(
                  id(parent), id(node), TaskGraph.EdgeKind.STARTED, "started", false));
        }
      }
    }
    for (int from = 0; from < graph.size(); from++) {
      for (WaitEdge edge : graph.edgesFrom(from)) {
        shown.add(edge.from());
        shown.add(edge.to());
        edges.add(
            new TaskGraph.Edge(
                id(edge.from()),
                id(edge.to()),
                edge.fromWaiter() ? TaskGraph.EdgeKind.WAITS : TaskGraph.EdgeKind.RELEASED_BY,
                edgeLabel(edge),
                deadlockedEdges.contains(key(edge.from(), edge.to()))));
      }
    }
    List<Integer> order = new ArrayList<>(shown);
    order.sort(Integer::compare); // tasks first, in dump order, as the graph numbers them
    List<TaskGraph.Node> nodes = new ArrayList<>();
    for (int node : order) {
      nodes.add(
          new TaskGraph.Node(
              id(node), kind(node), nodeLabel(node), deadlockedNodes.contains(node)));
    }
    return new TaskGraph(title, nodes, edges);
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  private String id(int node) {
    WaitNode wait = graph.node(node);
    return switch (wait.kind()) {
      case TASK -> "t" + wait.id();
      case OBJECT -> "o" + wait.id();
      case THREAD -> "th" + wait.id();
      case JVM_LOCK -> "l" + wait.id();
    };
  }

  private TaskGraph.NodeKind kind(int node) {
    return switch (graph.node(node).kind()) {
      case TASK -> TaskGraph.NodeKind.TASK;
      case OBJECT -> TaskGraph.NodeKind.OBJECT;
      case THREAD -> TaskGraph.NodeKind.THREAD;
      case JVM_LOCK -> TaskGraph.NodeKind.LOCK;
    };
  }

  /** {@code #12 Shop.fetch} then {@code ASYNC, BLOCKED at Shop.java:42 join()}. */
  private List<String> nodeLabel(int node) {
    Dump dump = graph.dump();
    TaskInfo task = graph.task(node);
    if (task != null) {
      String state = task.kind() + ", " + task.state();
      if (task.state() == TaskState.BLOCKED && task.await() != null) {
        state += " at " + Names.awaitPoint(dump, dump.awaitPoint(task.await().point()));
      }
      return List.of("#" + task.id() + " " + task.name(), state);
    }
    ObjectInfo object = graph.object(node);
    if (object != null) {
      String what = object.kind().name();
      if (object.done() != null) {
        what += object.done() ? ", done" : ", not done";
      }
      return List.of(object.label(), what);
    }
    return List.of(Names.node(graph, node));
  }

  private String edgeLabel(WaitEdge edge) {
    return switch (edge.relation()) {
      case WAITS_ON -> "waits at " + Names.awaitPoint(graph.dump(), edge.point());
      case COMPLETED_BY -> "completed by";
      case DERIVED_FROM -> "derived from";
      case QUEUED_ON -> "queued on";
      case HELD_BY -> "held by";
      case RUN_BY -> "run by";
      case CALLS -> "in a nested call";
      case JVM_WAITS_ON -> "blocked on (JVM)";
      case JVM_HELD_BY -> "held by (JVM)";
    };
  }
}
