package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.analysis.ChainEnd.Kind;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ObjectKind;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.List;

/**
 * Says why a wait chain ends where it does ({@link ChainSteps#next} is -1 there), in one line that
 * names the root cause: which task, which object, and what is wrong with it.
 */
final class RootCauses {
  private final WaitForGraph graph;
  private final Dump dump;

  RootCauses(WaitForGraph graph) {
    this.graph = graph;
    this.dump = graph.dump();
  }

  /** The end of a chain that runs into the cycle of {@code cycle}'s nodes at {@code entry}. */
  ChainEnd cycle(int entry, List<Integer> cycle) {
    List<Integer> waiters = cycle.stream().filter(node -> graph.node(node).waiter()).toList();
    // Two names read well in one line; more are given by number, the deadlock shows them all.
    List<String> names =
        waiters.stream().map(node -> waiters.size() <= 2 ? name(node) : shortName(node)).toList();
    String list =
        names.size() <= 2
            ? String.join(" and ", names)
            : String.join(", ", names.subList(0, names.size() - 1))
                + " and "
                + names.get(names.size() - 1);
    return new ChainEnd(Kind.CYCLE, entry, "a deadlock: " + list + " wait for each other");
  }

  /** The end of a chain at a node from which no step leads on. */
  ChainEnd at(int node) {
    WaitNode wait = graph.node(node);
    return switch (wait.kind()) {
      case TASK -> atTask(node, graph.task(node));
      case THREAD -> new ChainEnd(Kind.UNTRACED_THREAD, node, name(node) + " runs no traced task");
      case JVM_LOCK ->
          new ChainEnd(
              Kind.UNTRACED_HOLDER,
              node,
              name(node) + " is held by a thread the JVM does not name");
      case OBJECT -> atObject(node, graph.object(node));
    };
  }

  private ChainEnd atTask(int node, TaskInfo task) {
    String name = name(node);
    switch (task.state()) {
      case RUNNING:
        return new ChainEnd(
            Kind.RUNNING,
            node,
            name + " is RUNNING (for " + DurationFormat.format(dump.timeInState(task)) + ")");
      case SUSPENDED:
        String future = task.future() == null ? "its future" : Names.object(dump, task.future());
        return new ChainEnd(
            Kind.NO_KNOWN_PRODUCER,
            node,
            name
                + " returned "
                + future
                + " incomplete, and no known task will complete it: no known producer");
      case QUEUED:
        String to = task.executor() == null ? "" : " to " + Names.object(dump, task.executor());
        return new ChainEnd(
            Kind.QUEUED, node, name + " is QUEUED: submitted" + to + " but not started");
      case BLOCKED:
        return blocked(node, task);
      default:
        return new ChainEnd(Kind.UNKNOWN, node, name + " is " + task.state());
    }
  }

  private ChainEnd blocked(int node, TaskInfo task) {
    String name = name(node);
    if (task.await() == null) {
      return new ChainEnd(Kind.UNKNOWN, node, name + " is BLOCKED at an await point not recorded");
    }
    AwaitPointInfo point = dump.awaitPoint(task.await().point());
    String at = Names.awaitPoint(dump, point);
    if (task.await().object() != null) {
      return new ChainEnd(
          Kind.NOT_IN_DUMP,
          node,
          name + " waits at " + at + " on object " + task.await().object() + ", not in the dump");
    }
    if (point != null && point.kind() == AwaitKind.SLEEP) {
      return new ChainEnd(Kind.SLEEPING, node, name + " sleeps at " + at);
    }
    return new ChainEnd(
        Kind.NO_KNOWN_RELEASER, node, name + " waits at " + at + " and nothing known wakes it");
  }

  private ChainEnd atObject(int node, ObjectInfo object) {
    String name = object.label();
    if (object.kind() == ObjectKind.FUTURE) {
      return atFuture(node, object);
    }
    if (object.kind() == ObjectKind.THREAD) {
      String thread = object.thread() == null ? "its thread" : Names.thread(dump, object.thread());
      return new ChainEnd(
          Kind.UNTRACED_THREAD, node, name + ": " + thread + " runs no traced task");
    }
    if (!object.holders().isEmpty()) {
      long holder = object.holders().get(0);
      return dump.task(holder)
          .map(
              task ->
                  new ChainEnd(
                      Kind.HOLDER_FINISHED,
                      node,
                      Names.task(dump, holder)
                          + " ended "
                          + task.state()
                          + " still holding "
                          + name))
          .orElseGet(
              () ->
                  new ChainEnd(
                      Kind.NOT_IN_DUMP,
                      node,
                      name + " is held by #" + holder + ", which is not in the dump"));
    }
    if (Boolean.TRUE.equals(object.locked())) {
      return new ChainEnd(Kind.UNTRACED_HOLDER, node, name + " is held by untraced code");
    }
    return new ChainEnd(
        Kind.NO_KNOWN_RELEASER, node, "no known task " + release(object.kind()) + " " + name);
  }

  private ChainEnd atFuture(int node, ObjectInfo future) {
    String name = future.label();
    if (Boolean.TRUE.equals(future.done())) {
      String state = future.state() == null ? "" : " (" + future.state() + ")";
      return new ChainEnd(
          Kind.FUTURE_DONE,
          node,
          name + " is done" + state + "; its waiters had not woken up yet at the dump");
    }
    if (future.producer() == null) {
      return new ChainEnd(
          Kind.NO_KNOWN_PRODUCER,
          node,
          "no traced task is expected to complete " + name + ": no known producer");
    }
    TaskInfo producer = dump.task(future.producer()).orElse(null);
    if (producer == null) {
      return new ChainEnd(
          Kind.NO_KNOWN_PRODUCER,
          node,
          name
              + " was to be completed by #"
              + future.producer()
              + ", which is not in the dump: no known producer");
    }
    return new ChainEnd(
        Kind.PRODUCER_FINISHED,
        node,
        Names.task(dump, producer.id())
            + " ended "
            + producer.state()
            + " without completing "
            + name);
  }

  private static String release(ObjectKind kind) {
    return switch (kind) {
      case LATCH -> "counts down";
      case SEMAPHORE -> "releases";
      case QUEUE -> "puts to or takes from";
      case CONDITION -> "signals";
      case LOCK, MONITOR -> "holds";
      default -> "releases";
    };
  }

  private String name(int node) {
    return Names.node(graph, node);
  }

  private String shortName(int node) {
    WaitNode wait = graph.node(node);
    return wait.kind() == WaitNode.Kind.TASK ? "#" + wait.id() : name(node);
  }
}
