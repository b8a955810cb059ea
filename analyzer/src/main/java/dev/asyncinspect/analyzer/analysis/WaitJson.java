package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.dump.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON-ready views that wait chains and deadlock cycles share (documented in docs/cli.md): a
 * <em>link</em> per waiter, saying who waits, at what, on what, and who should release it.
 *
 * <pre>
 * {"task": {"id": 1, "name": "Bank.transfer", "state": "BLOCKED", "inStateNanos": 12000000000,
 *           "thread": 24},
 *  "at": {"awaitPoint": 3, "operation": "ReentrantLock.lock", "file": "Bank.java", "line": 41,
 *         "timed": false},
 *  "on": {"id": 2, "kind": "LOCK", "class": "java.util.concurrent.locks.ReentrantLock",
 *         "identity": "5e2de80c"},
 *  "releasedBy": {"relation": "HELD_BY", "task": 8}}
 * </pre>
 *
 * A suspended task has {@code "returned"} (the future it returned) instead of {@code at} and {@code
 * on}; a running task inside a nested traced call has {@code "inNestedCall": {"task": 9}}.
 */
final class WaitJson {
  private final WaitForGraph graph;
  private final Dump dump;

  WaitJson(WaitForGraph graph) {
    this.graph = graph;
    this.dump = graph.dump();
  }

  /** The JSON view of one link. */
  Map<String, Object> link(WaitLink link) {
    JsonView view = new JsonView();
    waiter(view, link.waiter());
    WaitEdge wait = link.waitsOn();
    TaskInfo task = graph.task(link.waiter());
    if (wait != null) {
      view.put("at", wait.point() != null ? awaitPoint(wait.point()) : jvmFrame(wait.frame()));
      view.put("on", object(wait.to()));
    } else if (task != null && task.state() == TaskState.SUSPENDED && task.future() != null) {
      int future = graph.objectNode(task.future());
      view.put("returned", future < 0 ? null : object(future));
    } else if (task != null && task.state() == TaskState.BLOCKED && task.await() != null) {
      AwaitPointInfo point = dump.awaitPoint(task.await().point());
      view.put("at", point == null ? null : awaitPoint(point));
    }
    if (link.release() != null) {
      JsonView release = new JsonView().put("relation", link.release().relation().name());
      view.put("releasedBy", ref(release, link.release().to()));
    }
    if (link.calls() != null) {
      view.put("inNestedCall", ref(link.calls().to()));
    }
    return view.toMap();
  }

  /** The JSON views of links. */
  List<Object> links(List<WaitLink> links) {
    List<Object> views = new ArrayList<>();
    for (WaitLink link : links) {
      views.add(link(link));
    }
    return views;
  }

  private void waiter(JsonView link, int node) {
    TaskInfo task = graph.task(node);
    if (task != null) {
      link.put("task", task(task));
    } else {
      long id = graph.node(node).id();
      ThreadInfo thread = dump.thread(id).orElse(null);
      link.put(
          "thread",
          new JsonView()
              .put("id", id)
              .put("name", thread == null ? null : thread.name())
              .put("virtual", thread == null ? null : thread.virtual())
              .toMap());
    }
  }

  Map<String, Object> task(TaskInfo task) {
    return new JsonView()
        .put("id", task.id())
        .put("name", task.name())
        .put("state", task.state().name())
        .put("inStateNanos", dump.timeInState(task))
        .put("thread", task.thread())
        .toMap();
  }

  private Map<String, Object> object(int node) {
    ObjectInfo object = graph.object(node);
    if (object == null) {
      return new JsonView()
          .put("kind", "JVM_LOCK")
          .put("name", graph.node(node).lockName())
          .toMap();
    }
    return new JsonView()
        .put("id", object.id())
        .put("kind", object.kind().name())
        .put("class", object.className())
        .put("identity", object.identity())
        .toMap();
  }

  static Map<String, Object> awaitPoint(AwaitPointInfo point) {
    return new JsonView()
        .put("awaitPoint", point.id())
        .put("operation", point.operation())
        .put("file", point.file())
        .put("line", point.line())
        .put("timed", point.timed())
        .toMap();
  }

  private static Map<String, Object> jvmFrame(StackFrame frame) {
    JsonView at = new JsonView().put("reportedBy", "JVM");
    if (frame != null) {
      at.put("class", frame.className())
          .put("method", frame.method())
          .put("file", frame.file())
          .put("line", frame.line());
    }
    return at.toMap();
  }

  /**
   * {@code {"task": 8}}, {@code {"object": 3}}, {@code {"thread": 31}}, {@code {"jvmLock": ..}}.
   */
  Map<String, Object> ref(int node) {
    return ref(new JsonView(), node);
  }

  /** {@link #ref(int)} added to {@code view}. */
  Map<String, Object> ref(JsonView view, int node) {
    WaitNode wait = graph.node(node);
    return switch (wait.kind()) {
      case TASK -> view.put("task", wait.id()).toMap();
      case OBJECT -> view.put("object", wait.id()).toMap();
      case THREAD -> view.put("thread", wait.id()).toMap();
      case JVM_LOCK -> view.put("jvmLock", wait.lockName()).toMap();
    };
  }
}
