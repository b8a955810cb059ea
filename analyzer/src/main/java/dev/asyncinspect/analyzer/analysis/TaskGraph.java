package dev.asyncinspect.analyzer.analysis;

import java.util.List;

/**
 * A graph of tasks and what they wait on, ready to draw: built by {@link TaskGraphs} as the
 * relationship graph (every task, parent → child, and the waits) or the wait-for graph (only the
 * waits), with the nodes and edges of every deadlock marked. {@link TaskGraphDot} and {@link
 * TaskGraphMermaid} draw it; {@link TaskGraphJson} lists it.
 *
 * @param title what the graph shows, e.g. {@code async-inspect wait-for graph}
 * @param nodes the nodes: tasks first, in dump order, then what they wait on
 * @param edges the edges, in the order they were found
 */
public record TaskGraph(String title, List<Node> nodes, List<Edge> edges) {

  public TaskGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** What a node stands for. */
  public enum NodeKind {
    TASK,
    /** A future, lock, latch, thread being joined, executor... of the dump. */
    OBJECT,
    /** A platform thread the JVM reports deadlocked that runs no traced task. */
    THREAD,
    /** A lock the JVM reports that the agent did not record. */
    LOCK
  }

  /** How an edge is drawn. */
  public enum EdgeKind {
    /** Parent → child: the parent started the child. */
    STARTED,
    /** A waiter → what it waits on. */
    WAITS,
    /** What is waited on → who completes or releases it (or the future it derives from). */
    RELEASED_BY
  }

  /**
   * A node.
   *
   * @param id the node's id in DOT and Mermaid: {@code t<task id>}, {@code o<object id>}, {@code
   *     th<thread id>} or {@code l<n>}, safe in both
   * @param kind what it stands for
   * @param label its label, one string per line, not escaped
   * @param deadlocked whether it is on a deadlock's cycle
   */
  public record Node(String id, NodeKind kind, List<String> label, boolean deadlocked) {
    public Node {
      label = List.copyOf(label);
    }
  }

  /**
   * An edge.
   *
   * @param from the id of the node it leaves
   * @param to the id of the node it reaches
   * @param kind how it is drawn
   * @param label its label, not escaped, e.g. {@code waits at Bank.java:41 lock()}
   * @param deadlocked whether it is on a deadlock's cycle
   */
  public record Edge(String from, String to, EdgeKind kind, String label, boolean deadlocked) {}
}
