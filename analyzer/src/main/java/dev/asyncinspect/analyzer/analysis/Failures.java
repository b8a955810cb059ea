package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failed tasks of a dump, each with its async stack trace: the task, its parent (the task that
 * started it), its parent's parent, and so on, each with where it was when its child failed (see
 * {@link FrameLocator}). A thread's stack shows only the thread; this shows the path of tasks
 * across threads and futures that led to the failure.
 *
 * <p>Each failure also names the child that failed before it, if any, so that a report can tell the
 * task where a failure began from the tasks it passed through.
 *
 * <p><b>Cost</b>: O(tasks + events) to index, then O({@value #MAX_FRAMES}) per failure; the number
 * of parents beyond that is counted with a memo, so that a million failures on one deep chain stay
 * linear. Parent links are followed in a loop, never recursively, and a loop in them (a corrupt
 * dump) ends the stack.
 */
public final class Failures {
  /** The most frames an async stack shows; the rest are counted. */
  public static final int MAX_FRAMES = 64;

  private final Dump dump;
  private FrameLocator locator;
  private final Map<Long, List<TaskInfo>> failedChildren = new HashMap<>();
  private final Map<Long, Integer> ancestors = new HashMap<>();

  private Failures(Dump dump) {
    this.dump = dump;
    for (TaskInfo task : dump.tasks()) {
      if (task.state() == TaskState.FAILED && task.parent() != null) {
        failedChildren.computeIfAbsent(task.parent(), id -> new ArrayList<>()).add(task);
      }
    }
  }

  /** The failures of a dump, in dump order. */
  public static List<Failure> of(Dump dump) {
    Failures failures = new Failures(dump);
    List<Failure> found = new ArrayList<>();
    for (TaskInfo task : dump.tasks()) {
      if (task.state() == TaskState.FAILED) {
        found.add(failures.failure(task));
      }
    }
    return found;
  }

  private Failure failure(TaskInfo failed) {
    if (locator == null) {
      // Indexes the event history: worth it only when there is a failure.
      locator = new FrameLocator(dump);
    }
    List<AsyncFrame> stack = new ArrayList<>();
    stack.add(locator.thrown(failed));
    Set<Long> seen = new HashSet<>();
    seen.add(failed.id());
    TaskInfo child = failed;
    Long parentId = failed.parent();
    while (parentId != null && stack.size() < MAX_FRAMES && seen.add(parentId)) {
      TaskInfo parent = dump.task(parentId).orElse(null);
      if (parent == null) {
        stack.add(locator.missing(parentId));
        break;
      }
      stack.add(locator.parent(parent, child, failed));
      child = parent;
      parentId = parent.parent();
    }
    int omitted =
        stack.size() == MAX_FRAMES && parentId != null && !seen.contains(parentId)
            ? 1 + ancestors(parentId)
            : 0;
    return new Failure(failed, stack, omitted, failedChild(failed));
  }

  /** The latest-ending failed child that ended no later than the task: the likely cause. */
  private Long failedChild(TaskInfo task) {
    TaskInfo latest = null;
    for (TaskInfo child : failedChildren.getOrDefault(task.id(), List.of())) {
      long end = child.end() == null ? Long.MAX_VALUE : child.end();
      boolean before = task.end() == null || end <= task.end();
      if (before && (latest == null || end >= latest.end())) {
        latest = child;
      }
    }
    return latest == null ? null : latest.id();
  }

  /**
   * How many frames the parents of a task make: 0 without a parent, 1 for a parent not in the dump,
   * else 1 + the parent's. Memoized, computed in a loop; a loop of parent links (a corrupt dump)
   * ends where it comes back, as the stack itself does.
   */
  private int ancestors(long taskId) {
    List<Long> path = new ArrayList<>();
    Set<Long> onPath = new HashSet<>();
    int last = 0; // the value of the last id on the path
    Long id = taskId;
    while (true) {
      Integer memo = ancestors.get(id);
      if (memo != null) {
        last = path.isEmpty() ? memo : memo + 1;
        break;
      }
      path.add(id);
      onPath.add(id);
      TaskInfo task = dump.task(id).orElse(null);
      id = task == null ? null : task.parent();
      if (id == null || onPath.contains(id)) {
        last = 0;
        break;
      }
    }
    if (path.isEmpty()) {
      return last;
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      ancestors.put(path.get(i), last);
      last++;
    }
    return ancestors.get(taskId);
  }
}
