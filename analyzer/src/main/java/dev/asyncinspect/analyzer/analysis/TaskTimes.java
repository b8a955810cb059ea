package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Wall-clock times of the tasks in a dump: each task's <em>inclusive</em> time (start to end, or to
 * the dump's moment while it is live) and its <em>self</em> time, the part of it not covered by any
 * of its child tasks (the union of the children's intervals, clipped to the parent's). Self time is
 * where the time of a call went when its children are not to blame: its own code, its waits on
 * something other than its children, and untraced work.
 *
 * <p>The union, not the sum, of the children is subtracted, so that a parent fanning out to ten
 * concurrent children is not charged ten times. Cost: O(n) when the dump lists tasks in start
 * order, as the agent does, else O(n log n); children are grouped per parent by a counting sort.
 */
final class TaskTimes {
  private final TaskIndex index;
  private final long now;
  private final long[] covered;
  private final long firstStart;
  private final long lastEnd;

  private TaskTimes(TaskIndex index, long now) {
    this.index = index;
    this.now = now;
    this.covered = new long[index.size()];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int slot = 0; slot < index.size(); slot++) {
      TaskInfo task = index.task(slot);
      first = Math.min(first, task.start());
      last = Math.max(last, end(task, now));
    }
    this.firstStart = index.size() == 0 ? 0 : first;
    this.lastEnd = index.size() == 0 ? 0 : last;
  }

  static TaskTimes of(TaskIndex index, long now) {
    TaskTimes times = new TaskTimes(index, now);
    times.cover(childrenByParent(index));
    return times;
  }

  /** When a task ended, or the dump's moment for a live one. */
  static long end(TaskInfo task, long now) {
    if (task.end() != null) {
      return task.end();
    }
    // A terminal task without an end time (a bad file): its last state change is its end.
    return task.state().terminal() ? task.stateSince() : now;
  }

  /** Start to end, or to the dump's moment for a live task; never negative. */
  long inclusive(TaskInfo task) {
    return Math.max(0, end(task, now) - task.start());
  }

  /** The inclusive time minus the time covered by the task's children in the dump. */
  long self(int slot) {
    return Math.max(0, inclusive(index.task(slot)) - covered[slot]);
  }

  /** From the first start to the last end (or the dump's moment) of the tasks; 0 when none. */
  long wallSpan() {
    return Math.max(0, lastEnd - firstStart);
  }

  /**
   * The slots of all tasks that have a parent, grouped by parent (a counting sort, which keeps the
   * start order within each group): element {@code [0][p]} is where parent p's children begin in
   * element {@code [1]}.
   */
  private static int[][] childrenByParent(TaskIndex index) {
    int n = index.size();
    Integer[] byStart = null;
    for (int slot = 1; slot < n && byStart == null; slot++) {
      if (index.task(slot).start() < index.task(slot - 1).start()) {
        byStart = new Integer[n];
        for (int i = 0; i < n; i++) {
          byStart[i] = i;
        }
        Arrays.sort(byStart, Comparator.comparingLong(i -> index.task(i).start()));
      }
    }
    int[] begin = new int[n + 1];
    for (int slot = 0; slot < n; slot++) {
      int parent = index.parentSlot(slot);
      if (parent >= 0) {
        begin[parent + 1]++;
      }
    }
    for (int p = 0; p < n; p++) {
      begin[p + 1] += begin[p];
    }
    int[] children = new int[begin[n]];
    int[] next = Arrays.copyOf(begin, n);
    for (int i = 0; i < n; i++) {
      int slot = byStart == null ? i : byStart[i];
      int parent = index.parentSlot(slot);
      if (parent >= 0) {
        children[next[parent]++] = slot;
      }
    }
    return new int[][] {begin, children};
  }

  /** For each parent, the union of its children's intervals (in start order) within its own. */
  private void cover(int[][] grouped) {
    int[] begin = grouped[0];
    int[] children = grouped[1];
    for (int parent = 0; parent < index.size(); parent++) {
      if (begin[parent] == begin[parent + 1]) {
        continue;
      }
      TaskInfo task = index.task(parent);
      long from = task.start();
      long to = end(task, now);
      long total = 0;
      long runStart = 0;
      long runEnd = Long.MIN_VALUE;
      for (int i = begin[parent]; i < begin[parent + 1]; i++) {
        TaskInfo child = index.task(children[i]);
        long start = Math.max(from, child.start());
        long end = Math.min(to, end(child, now));
        if (end <= start) {
          continue;
        }
        if (start > runEnd) {
          total += Math.max(0, runEnd - runStart);
          runStart = start;
          runEnd = end;
        } else {
          runEnd = Math.max(runEnd, end);
        }
      }
      covered[parent] = total + Math.max(0, runEnd - runStart);
    }
  }
}
