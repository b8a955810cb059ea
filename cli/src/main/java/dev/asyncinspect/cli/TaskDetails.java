package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.analysis.WaitEdge;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.analysis.WaitNode;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The monitor's details of one task: where it is, its wait chain through the {@link WaitForGraph}
 * (to a task that runs, a cycle, or what no known task releases), its parent and children, and its
 * state history from the dump's events (a live snapshot has none; a full dump, key {@code d}, has).
 */
final class TaskDetails {
  private static final int MAX_CHAIN = 20;

  private final WaitForGraph graph;
  private final Dump dump;
  private final ReplayFrame frame;
  private final ReplayHistory history;

  TaskDetails(WaitForGraph graph) {
    this(graph, null, null);
  }

  /** The details at a moment of a replayed history: the history is told up to that moment. */
  TaskDetails(WaitForGraph graph, ReplayFrame frame, ReplayHistory history) {
    this.graph = graph;
    this.dump = graph.dump();
    this.frame = frame;
    this.history = history;
  }

  List<String> lines(long id) {
    Optional<TaskInfo> found = dump.task(id);
    if (frame != null) {
      for (TaskInfo task : frame.unknown()) {
        if (task.id() == id) {
          return unknownLines(task);
        }
      }
      if (found.isEmpty()) {
        return List.of("  #" + id + " had not started at this time");
      }
      if (found.get().state().terminal()) {
        List<String> lines = new ArrayList<>();
        lines.add("  #" + id + " had finished by this time: " + found.get().state());
        lines.add("state history:");
        lines.addAll(history(found.get()));
        return lines;
      }
    } else if (found.isEmpty() || found.get().state().terminal()) {
      return List.of("  #" + id + " has finished: it is not among the live tasks any more");
    }
    TaskInfo task = found.get();
    List<String> lines = new ArrayList<>();
    lines.add("  " + label(task) + (task.kind() == null ? "" : "  " + task.kind()));
    lines.add("  await at " + MonitorRows.awaitAt(dump, task));
    lines.add("  thread " + MonitorRows.threadName(dump, task));
    lines.add("  parent " + (task.parent() == null ? "-" : labelOf(task.parent())));
    List<String> children = new ArrayList<>();
    for (TaskInfo child : dump.tasks()) {
      if (task.id() == (child.parent() == null ? -1 : child.parent())) {
        children.add(label(child));
      }
    }
    lines.add("  children " + (children.isEmpty() ? "-" : String.join(", ", children)));
    lines.add("wait chain:");
    lines.addAll(chain(task));
    lines.add("state history:");
    lines.addAll(history(task));
    if (!task.state().terminal()) {
      lines.add("  " + task.state() + " since " + ago(task.stateSince()));
    }
    return lines;
  }

  private List<String> history(TaskInfo task) {
    List<String> lines = new ArrayList<>();
    List<EventInfo> events;
    if (history == null) {
      events = dump.eventsOf(task.id());
    } else {
      events = history.eventsOf(task.id(), frame.position());
      int dropped = history.droppedTransitions(task.id());
      if (dropped < 0) {
        lines.add("  (the dump has no record of this task, only these events)");
      } else if (dropped > 0) {
        lines.add(
            dropped == 1
                ? "  (its first state change is not in the dump's bounded event history)"
                : "  (its first "
                    + dropped
                    + " state changes are not in the dump's bounded event history)");
      }
    }
    if (task.kind() != null) {
      lines.add("  started " + ago(task.start()));
    }
    for (EventInfo event : events) {
      String at =
          event.point() == null || dump.awaitPoint(event.point()) == null
              ? ""
              : " at " + dump.awaitPoint(event.point()).location();
      lines.add("  " + event.state() + at + " " + ago(event.t()));
    }
    return lines;
  }

  /** A task whose state at the replayed moment the dump cannot tell. */
  private List<String> unknownLines(TaskInfo task) {
    List<String> lines = new ArrayList<>();
    lines.add("  #" + task.id() + " " + task.name() + " ?  " + task.kind());
    lines.add("  its state at this time is not known: the events that would tell were dropped");
    lines.add("  from the dump's bounded event history; it is known from its first event on");
    lines.add("state history:");
    lines.addAll(history(task));
    return lines;
  }

  private List<String> chain(TaskInfo task) {
    List<String> lines = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    int node = graph.taskNode(task.id());
    seen.add(node);
    while (lines.size() < MAX_CHAIN) {
      List<WaitEdge> edges = graph.edgesFrom(node);
      if (edges.isEmpty()) {
        break;
      }
      WaitEdge edge = edges.get(0);
      node = edge.to();
      String at = edge.point() == null ? "" : " at " + edge.point().location();
      boolean again = !seen.add(node);
      lines.add("  " + relation(edge) + " " + name(node) + at + (again ? ": a deadlock" : ""));
      if (again) {
        break;
      }
    }
    if (lines.isEmpty()) {
      lines.add("  -");
    }
    return lines;
  }

  private static String relation(WaitEdge edge) {
    return switch (edge.relation()) {
      case WAITS_ON -> "waits on";
      case COMPLETED_BY -> "to be completed by";
      case HELD_BY -> "held by";
      case RUN_BY -> "run by";
      case CALLS -> "in nested call";
      case JVM_WAITS_ON -> "blocked (says the JVM) on";
      case JVM_HELD_BY -> "owned (says the JVM) by";
      default -> edge.relation().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private String name(int node) {
    WaitNode wait = graph.node(node);
    TaskInfo task = graph.task(node);
    if (task != null) {
      return label(task);
    }
    ObjectInfo object = graph.object(node);
    if (object != null) {
      return object.label();
    }
    return wait.lockName() != null ? wait.lockName() : "thread #" + wait.id();
  }

  private String labelOf(long id) {
    return dump.task(id).map(this::label).orElse("#" + id + " (finished)");
  }

  private String label(TaskInfo task) {
    return "#"
        + task.id()
        + " "
        + task.name()
        + " "
        + task.state()
        + (task.state().terminal() ? "" : " " + DurationFormat.format(dump.timeInState(task)));
  }

  private String ago(long t) {
    return DurationFormat.format(dump.header().dumpNanos() - t) + " ago";
  }
}
