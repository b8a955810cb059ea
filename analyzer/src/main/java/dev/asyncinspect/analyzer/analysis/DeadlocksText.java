package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ExecutorInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deadlocks as text, one block per deadlock, one line per waiter of its cycle:
 *
 * <pre>
 * DEADLOCK  2 tasks, lock cycle on virtual threads (invisible to the JVM)
 *   #7 Bank.transfer  BLOCKED 12s at Bank.java:41 lock() on ReentrantLock@5e2de80c held by #8
 *   #8 Bank.transfer  BLOCKED 12s at Bank.java:41 lock() on ReentrantLock@1d44bcfa held by #7
 * </pre>
 *
 * An executor-starvation deadlock has one line per worker's wait and a line for the queued work:
 *
 * <pre>
 * DEADLOCK  4 tasks, starvation of ThreadPoolExecutor@6ced8e1b (THREAD_POOL, 2 of 2 workers
 *     blocked on work queued on it)
 *   #2 ThreadPoolExecutor.submit at App.java:40  RUNNING 28ms in nested call #4
 *   #4 App.handle  BLOCKED 28ms at App.java:48 get() on FutureTask@38d69dfe = future of #5
 *   ...
 *   queued on the pool: #5 ThreadPoolExecutor.submit at App.java:46, #7 ...
 * </pre>
 *
 * Pools that starve each other are named one after another in the heading ({@code starvation of
 * ThreadPoolExecutor@1 (...) and ThreadPoolExecutor@2 (...)}), and each has its line of queued work
 * ({@code queued on ThreadPoolExecutor@1: ...}).
 *
 * <p>Lines are wrapped to 80 columns; a pure function to lines.
 */
public final class DeadlocksText {
  private DeadlocksText() {}

  /** The blocks, separated by blank lines; ANSI colours only when {@code color}. */
  public static List<String> render(WaitForGraph graph, List<Deadlock> deadlocks, boolean color) {
    List<String> lines = new ArrayList<>();
    WaitLines waitLines = new WaitLines(graph);
    for (Deadlock deadlock : deadlocks) {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      LineWrap.add(
          lines, Ansi.style(color, Ansi.RED, "DEADLOCK") + "  " + heading(graph, deadlock));
      for (WaitLink link : WaitLink.ofCycle(deadlock.cycle())) {
        LineWrap.add(lines, "  " + waitLines.line(link));
      }
      for (int pool : deadlock.executors()) {
        String on =
            deadlock.executors().size() == 1 ? "the pool" : graph.dump().object(pool).label();
        LineWrap.add(lines, "  queued on " + on + ": " + queued(graph.dump(), pool));
      }
      if (!deadlock.otherTasks().isEmpty()) {
        List<String> others = deadlock.otherTasks().stream().map(id -> "#" + id).toList();
        LineWrap.add(
            lines, "  also caught in the same knot of waits: " + String.join(", ", others));
      }
    }
    return lines;
  }

  /** {@code ThreadPoolExecutor@6ced8e1b (THREAD_POOL, 2 of 2 workers blocked on work ...)}. */
  private static String pool(Dump dump, int executorId) {
    ObjectInfo pool = dump.object(executorId);
    ExecutorInfo executor = pool.executor();
    return pool.label()
        + " ("
        + (executor.executorKind() == null ? "executor" : executor.executorKind())
        + ", "
        + executor.running().size()
        + " of "
        + executor.capacity()
        + " workers blocked on work queued on it)";
  }

  private static String queued(Dump dump, int executorId) {
    List<String> queued = new ArrayList<>();
    for (long task : dump.object(executorId).executor().queued()) {
      queued.add(Names.task(dump, task));
    }
    return String.join(", ", queued);
  }

  private static String heading(WaitForGraph graph, Deadlock deadlock) {
    Dump dump = graph.dump();
    if (deadlock.cycle().isEmpty()) {
      List<String> threads = deadlock.threads().stream().map(t -> Names.thread(dump, t)).toList();
      return "reported by the JVM between "
          + String.join(", ", threads)
          + " (the dump does not name their locks)";
    }
    int tasks = 0;
    int threads = 0;
    boolean virtual = false;
    for (int waiter : deadlock.waiters()) {
      TaskInfo task = graph.task(waiter);
      if (task == null) {
        threads++;
        continue;
      }
      tasks++;
      if (task.thread() != null) {
        virtual |= dump.thread(task.thread()).map(t -> t.virtual()).orElse(false);
      }
    }
    StringBuilder heading = new StringBuilder(Words.count(tasks, "task"));
    if (threads > 0) {
      heading.append(", ").append(Words.count(threads, "untraced thread"));
    }
    if (!deadlock.executors().isEmpty()) {
      List<String> pools = deadlock.executors().stream().map(id -> pool(dump, id)).toList();
      return heading.append(", starvation of ").append(Words.and(pools)).toString();
    }
    heading.append(", ").append(deadlock.kind().name().toLowerCase(Locale.ROOT)).append(" cycle");
    if (deadlock.jvmReported()) {
      heading.append(", reported by the JVM too");
    } else if (virtual) {
      heading.append(" on virtual threads (invisible to the JVM)");
    }
    return heading.toString();
  }
}
