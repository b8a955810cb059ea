package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.ThreadInfo;

/**
 * How the analyses name things in their text: tasks as {@code #12 OrderService.place}, objects as
 * {@code ReentrantLock@5e2de80c}, threads as {@code thread "main"} or {@code virtual thread #33},
 * await points as {@code Bank.java:41 lock()}. Public for the await points only, so that the
 * summary report names them as the findings do.
 */
public final class Names {
  private Names() {}

  /** {@code #2 UserService.fetchUser}, or {@code #2} when the dump lacks the task. */
  static String task(Dump dump, long id) {
    return dump.task(id).map(task -> "#" + id + " " + task.name()).orElse("#" + id);
  }

  /** The name of any node of the graph. */
  static String node(WaitForGraph graph, int node) {
    WaitNode wait = graph.node(node);
    return switch (wait.kind()) {
      case TASK -> task(graph.dump(), wait.id());
      case OBJECT -> object(graph.dump(), (int) wait.id());
      case THREAD -> thread(graph.dump(), wait.id());
      case JVM_LOCK -> simpleName(wait.lockName());
    };
  }

  /** {@code CompletableFuture@5e9f23b4}, or {@code object 7} when the dump lacks it. */
  static String object(Dump dump, int id) {
    ObjectInfo object = dump.object(id);
    return object == null ? "object " + id : object.label();
  }

  /** {@code thread "main"}, {@code virtual thread #33} when unnamed, {@code thread #99} unknown. */
  static String thread(Dump dump, long id) {
    return dump.thread(id).map(Names::thread).orElse("thread #" + id);
  }

  static String thread(ThreadInfo thread) {
    String kind = thread.virtual() ? "virtual thread " : "thread ";
    return thread.name().isEmpty() ? kind + "#" + thread.id() : kind + '"' + thread.name() + '"';
  }

  /**
   * {@code Bank.java:41 lock()}: where, then what is called; {@code synchronized in Billing.charge}
   * when the class has no line numbers.
   */
  public static String awaitPoint(Dump dump, AwaitPointInfo point) {
    if (point == null) {
      return "an await point not in the dump";
    }
    if (point.file() != null || point.line() != null) {
      return point.location() + " " + call(point);
    }
    MethodInfo method = dump.method(point.method());
    String where =
        method == null ? "" : " in " + simpleName(method.className()) + "." + method.name();
    return call(point) + where;
  }

  /** {@code lock()} for {@code ReentrantLock.lock}, {@code synchronized} as is. */
  static String call(AwaitPointInfo point) {
    String operation = point.operation();
    int dot = operation.lastIndexOf('.');
    return dot < 0 ? operation : operation.substring(dot + 1) + "()";
  }

  /** The class name without its package: {@code ReentrantLock$NonfairSync@4d1c}. */
  static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
