package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.ExecutorInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlocks as a JSON-ready list of {@code Map}s with a stable shape (documented in
 * docs/cli.md):
 *
 * <pre>
 * [{"kind": "LOCK", "tasks": [1, 2], "jvmReported": false, "virtualThreads": true,
 *   "links": [link...]}]
 * </pre>
 *
 * A link is as in {@link WaitJson}, one per waiter of the cycle, in cycle order. A deadlock the JVM
 * reported on threads whose locks the dump does not name has no links and {@code "threads": [31,
 * 32]}; a knot of waits larger than its minimal cycle lists the rest in {@code "otherTasks"}. An
 * executor starvation ({@code "kind": "STARVATION"}) has the links of its workers' waits and its
 * starved pools, one or more: {@code "executors": [{"object": 1, "label":
 * "ThreadPoolExecutor@6ced8e1b", "executorKind": "THREAD_POOL", "size": 2, "running": [2, 3],
 * "queued": [5, 7]}]}.
 */
public final class DeadlocksJson {
  private DeadlocksJson() {}

  /** The JSON-ready view of the deadlocks. */
  public static List<Object> view(WaitForGraph graph, List<Deadlock> deadlocks) {
    WaitJson json = new WaitJson(graph);
    List<Object> views = new ArrayList<>();
    for (Deadlock deadlock : deadlocks) {
      List<Long> tasks = new ArrayList<>();
      boolean virtual = false;
      for (int waiter : deadlock.waiters()) {
        TaskInfo task = graph.task(waiter);
        if (task != null) {
          tasks.add(task.id());
          if (task.thread() != null) {
            virtual |= graph.dump().thread(task.thread()).map(t -> t.virtual()).orElse(false);
          }
        }
      }
      views.add(
          new JsonView()
              .put("kind", deadlock.kind().name())
              .put("tasks", tasks)
              .put("jvmReported", deadlock.jvmReported())
              .put("virtualThreads", virtual)
              .put("links", json.links(WaitLink.ofCycle(deadlock.cycle())))
              .put("threads", deadlock.threads().isEmpty() ? null : deadlock.threads())
              .put("otherTasks", deadlock.otherTasks().isEmpty() ? null : deadlock.otherTasks())
              .put("executors", executors(graph, deadlock.executors()))
              .toMap());
    }
    return views;
  }

  private static Object executors(WaitForGraph graph, List<Integer> executorIds) {
    if (executorIds.isEmpty()) {
      return null;
    }
    return executorIds.stream().map(id -> executor(graph, id)).toList();
  }

  private static Object executor(WaitForGraph graph, int executorId) {
    ObjectInfo pool = graph.dump().object(executorId);
    ExecutorInfo executor = pool.executor();
    return new JsonView()
        .put("object", pool.id())
        .put("label", pool.label())
        .put("executorKind", executor.executorKind())
        .put("size", executor.capacity())
        .put("running", executor.running())
        .put("queued", executor.queued())
        .toMap();
  }
}
