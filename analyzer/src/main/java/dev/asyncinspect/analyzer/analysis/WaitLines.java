package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.report.DurationFormat;

/**
 * One line about a waiter of a wait chain or a deadlock cycle: who waits, in which state for how
 * long, where, on what, and who should release that. Shared by {@link StuckTasksText} and {@link
 * DeadlocksText}, so that both read alike:
 *
 * <pre>
 * #7 Bank.transfer  BLOCKED 12s at Bank.java:41 lock() on ReentrantLock@5e2de80c held by #8
 * </pre>
 */
final class WaitLines {
  private final WaitForGraph graph;
  private final Dump dump;

  WaitLines(WaitForGraph graph) {
    this.graph = graph;
    this.dump = graph.dump();
  }

  /** The line of one link. */
  String line(WaitLink link) {
    StringBuilder line = new StringBuilder(who(link.waiter()));
    WaitEdge wait = link.waitsOn();
    TaskInfo task = graph.task(link.waiter());
    if (wait != null) {
      line.append(where(wait));
      line.append(" on ").append(Names.node(graph, wait.to()));
    } else if (task != null && task.state() == TaskState.SUSPENDED && task.future() != null) {
      line.append(" returned ").append(Names.object(dump, task.future()));
    } else if (task != null && task.state() == TaskState.BLOCKED && task.await() != null) {
      // A wait on nothing (sleep, park) or on an object the dump lacks: no edge, but a place.
      line.append(" at ").append(Names.awaitPoint(dump, dump.awaitPoint(task.await().point())));
    }
    if (link.release() != null) {
      line.append(' ').append(releasedBy(link.release()));
    }
    if (link.calls() != null) {
      line.append(" in nested call ").append(shortName(link.calls().to()));
    }
    return line.toString();
  }

  /** {@code #7 Bank.transfer BLOCKED 12s}, or {@code thread "t1" (no traced task)}. */
  private String who(int waiter) {
    TaskInfo task = graph.task(waiter);
    if (task == null) {
      return Names.node(graph, waiter) + " (no traced task)";
    }
    return Names.task(dump, task.id())
        + "  "
        + task.state()
        + " "
        + DurationFormat.format(dump.timeInState(task));
  }

  private String where(WaitEdge wait) {
    if (wait.relation() == WaitEdge.Relation.WAITS_ON) {
      return " at " + Names.awaitPoint(dump, wait.point());
    }
    StackFrame frame = wait.frame();
    String at =
        frame == null
            ? ""
            : " at "
                + (frame.file() == null ? Names.simpleName(frame.className()) : frame.file())
                + (frame.line() == null ? "" : ":" + frame.line())
                + " "
                + frame.method()
                + "()";
    return " blocked (says the JVM)" + at;
  }

  private String releasedBy(WaitEdge release) {
    String next = shortName(release.to());
    return switch (release.relation()) {
      case COMPLETED_BY -> "= future of " + next;
      case DERIVED_FROM ->
          "derived from " + Names.node(graph, release.to()) + producer(release.to());
      case RUN_BY -> {
        ObjectInfo thread = graph.object(release.from());
        String name =
            thread == null || thread.thread() == null
                ? "thread"
                : Names.thread(dump, thread.thread());
        yield "= " + name + " running " + next;
      }
      default -> "held by " + next;
    };
  }

  /** {@code " = future of #5"} for a future whose producer is in the graph, else empty. */
  private String producer(int future) {
    for (WaitEdge edge : graph.edgesFrom(future)) {
      if (edge.relation() == WaitEdge.Relation.COMPLETED_BY) {
        return " = future of " + shortName(edge.to());
      }
    }
    return "";
  }

  /** {@code #8} for a task (its name is on its own line), the full name for anything else. */
  private String shortName(int node) {
    WaitNode wait = graph.node(node);
    return wait.kind() == WaitNode.Kind.TASK ? "#" + wait.id() : Names.node(graph, node);
  }
}
