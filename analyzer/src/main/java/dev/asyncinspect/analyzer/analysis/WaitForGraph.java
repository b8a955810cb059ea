package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.LongIndex;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who waits for whom in a dump: the graph that {@link StuckTasks} and {@link Deadlocks} walk.
 *
 * <p><b>Nodes</b>: every task and every object of the dump (tasks first, in dump order, then
 * objects), and for JVM-reported deadlocks the platform threads that run no traced task and the
 * locks the agent did not record. <b>Edges</b> ({@link WaitEdge.Relation}):
 *
 * <ul>
 *   <li>a {@code BLOCKED} task → the object it waits on, explained by its await point;
 *   <li>a future not yet done → its producer, the task expected to complete it; when the dump names
 *       no producer, → each of its {@code sources}, the futures it is derived from;
 *   <li>a {@code QUEUED} SPAWNED task → the executor it was handed to (and no further: see {@link
 *       WaitEdge.Relation#QUEUED_ON});
 *   <li>a lock or monitor → each task holding it;
 *   <li>a thread being joined → the task running on it (the innermost live one);
 *   <li>a {@code RUNNING} task → the innermost live task on its thread, when that is another one: a
 *       traced call it made, which it waits for;
 *   <li>from each {@code jvmDeadlock} record: a thread's task (or the thread itself when it runs no
 *       task) → the lock the JVM says it is blocked on → the task (or thread) owning that lock. The
 *       JVM's lock is the agent's object of the same {@code class@identity} when there is one, and
 *       the object a {@code BLOCKED} task waits on otherwise (the JVM names the lock's internal
 *       {@code Sync} where the agent names the {@code ReentrantLock}), so that a deadlock seen by
 *       both gives one cycle, not two. An edge both report is kept once.
 * </ul>
 *
 * Done futures, finished tasks and suspended tasks have no outgoing edge: nothing they wait for can
 * be on a cycle.
 *
 * <p>Cost: O(tasks + objects + holders + JVM threads) time and memory.
 */
public final class WaitForGraph {
  private final Dump dump;
  private final List<WaitNode> nodes;
  private final Digraph digraph;
  private final WaitEdge[] edges;
  private final LongIndex taskNodes;
  private final Map<Integer, Integer> objectNodes;
  private final Map<Long, TaskInfo> taskOnThread;

  WaitForGraph(
      Dump dump,
      List<WaitNode> nodes,
      List<WaitEdge> edgeList,
      LongIndex taskNodes,
      Map<Integer, Integer> objectNodes,
      Map<Long, TaskInfo> taskOnThread) {
    this.dump = dump;
    this.nodes = List.copyOf(nodes);
    int[] from = new int[edgeList.size()];
    int[] to = new int[edgeList.size()];
    for (int i = 0; i < from.length; i++) {
      from[i] = edgeList.get(i).from();
      to[i] = edgeList.get(i).to();
    }
    this.digraph = Digraph.of(nodes.size(), from, to, from.length);
    this.edges = new WaitEdge[from.length];
    for (int edge = 0; edge < from.length; edge++) {
      edges[edge] = edgeList.get(digraph.inputIndex(edge));
    }
    this.taskNodes = taskNodes;
    this.objectNodes = objectNodes;
    this.taskOnThread = taskOnThread;
  }

  /** The wait-for graph of a dump. */
  public static WaitForGraph of(Dump dump) {
    return new WaitForGraphBuilder(dump).build();
  }

  public Dump dump() {
    return dump;
  }

  /** The graph's structure, for the graph algorithms; its node and edge ids are this graph's. */
  public Digraph digraph() {
    return digraph;
  }

  public int size() {
    return nodes.size();
  }

  public WaitNode node(int index) {
    return nodes.get(index);
  }

  public WaitEdge edge(int id) {
    return edges[id];
  }

  /** The edges leaving a node, in the order they were added. */
  public List<WaitEdge> edgesFrom(int node) {
    List<WaitEdge> from = new ArrayList<>(digraph.endEdge(node) - digraph.firstEdge(node));
    for (int edge = digraph.firstEdge(node); edge < digraph.endEdge(node); edge++) {
      from.add(edges[edge]);
    }
    return from;
  }

  /** The edge from one node to another, or null. */
  public WaitEdge edgeBetween(int from, int to) {
    for (int edge = digraph.firstEdge(from); edge < digraph.endEdge(from); edge++) {
      if (digraph.target(edge) == to) {
        return edges[edge];
      }
    }
    return null;
  }

  /** The node of a task, or -1 when the dump has no such task. */
  public int taskNode(long taskId) {
    return taskNodes.get(taskId);
  }

  /** The node of an object, or -1 when the dump has no such object. */
  public int objectNode(int objectId) {
    return objectNodes.getOrDefault(objectId, -1);
  }

  /** The task of a {@link WaitNode.Kind#TASK} node; null for other nodes. */
  public TaskInfo task(int node) {
    WaitNode wait = nodes.get(node);
    return wait.kind() == WaitNode.Kind.TASK ? dump.task(wait.id()).orElse(null) : null;
  }

  /** The object of an {@link WaitNode.Kind#OBJECT} node; null for other nodes. */
  public ObjectInfo object(int node) {
    WaitNode wait = nodes.get(node);
    return wait.kind() == WaitNode.Kind.OBJECT ? dump.object((int) wait.id()) : null;
  }

  /** The innermost live task running on a thread (the last started), or null. */
  public TaskInfo taskOnThread(long threadId) {
    return taskOnThread.get(threadId);
  }
}
