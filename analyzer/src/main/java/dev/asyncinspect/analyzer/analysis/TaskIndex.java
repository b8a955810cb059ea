package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.LongIndex;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import java.util.Arrays;
import java.util.List;

/**
 * The tasks of a dump numbered 0 to n-1 in dump order (their <em>slot</em>), for analyses that keep
 * per-task state in arrays rather than maps keyed by boxed ids: one pass over a million events then
 * does array reads, not hash lookups (docs/performance.md). Ids map to slots through an array when
 * they are dense, as the agent's are (1, 2, 3, ... in start order, with gaps where finished tasks
 * were dropped), else through a {@link LongIndex}. Also keeps each task's parent's slot.
 */
final class TaskIndex {
  private static final TaskKind[] KINDS = TaskKind.values();

  // An array, not the dump's list: read for every task and event, and C1 inlines no list call.
  private final TaskInfo[] tasks;
  private final long firstId;
  private final int[] slotById; // by id - firstId, -1 for none; null when ids are sparse
  private final long lastDenseOffset; // slotById's last index; -1 when ids are sparse
  private final LongIndex slotBySparseId;
  private final int[] parentSlot;
  // Read per event by the loops over the history: arrays, where the task records lie spread over
  // the heap and cost a cache miss each.
  private final byte[] kinds;
  private final int[] methods;

  private TaskIndex(List<TaskInfo> tasks) {
    this.tasks = tasks.toArray(new TaskInfo[0]);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (TaskInfo task : this.tasks) {
      min = Math.min(min, task.id());
      max = Math.max(max, task.id());
    }
    boolean dense = this.tasks.length > 0 && max - min < 4L * this.tasks.length + 1024;
    this.firstId = dense ? min : 0;
    this.slotById = dense ? new int[(int) (max - min + 1)] : null;
    this.lastDenseOffset = dense ? slotById.length - 1 : -1;
    if (dense) {
      Arrays.fill(slotById, -1);
    }
    this.slotBySparseId = dense ? null : new LongIndex(this.tasks.length);
    if (dense) {
      for (int slot = this.tasks.length - 1; slot >= 0; slot--) {
        // Backwards, so that the first of two tasks with one id wins, as in Dump.task.
        slotById[(int) (this.tasks[slot].id() - firstId)] = slot;
      }
    } else {
      for (int slot = 0; slot < this.tasks.length; slot++) {
        slotBySparseId.putIfAbsent(this.tasks[slot].id(), slot);
      }
    }
    this.parentSlot = new int[this.tasks.length];
    this.kinds = new byte[this.tasks.length];
    this.methods = new int[this.tasks.length];
    for (int slot = 0; slot < this.tasks.length; slot++) {
      TaskInfo task = this.tasks[slot];
      Long parent = task.parent();
      parentSlot[slot] = parent == null ? -1 : slot(parent);
      kinds[slot] = (byte) task.kind().ordinal();
      methods[slot] = task.method();
    }
  }

  static TaskIndex of(Dump dump) {
    return new TaskIndex(dump.tasks());
  }

  int size() {
    return tasks.length;
  }

  TaskInfo task(int slot) {
    return tasks[slot];
  }

  /**
   * The slot of the task with this id, or -1 when the dump has no such task. Kept under 35 bytes of
   * bytecode, so that C1 inlines it into the loops over every event that call it.
   */
  int slot(long id) {
    long offset = id - firstId;
    // 0 <= offset <= lastDenseOffset in one test: both are >= 0 exactly when their OR is.
    if ((offset | (lastDenseOffset - offset)) >= 0) {
      return slotById[(int) offset];
    }
    return sparseSlot(id);
  }

  private int sparseSlot(long id) {
    // Dense, and out of its range: -1.
    return slotBySparseId == null ? -1 : slotBySparseId.get(id);
  }

  /** The kind of the task in {@code slot}. */
  TaskKind kind(int slot) {
    return KINDS[kinds[slot]];
  }

  /** The method of the task in {@code slot}. */
  int method(int slot) {
    return methods[slot];
  }

  /** The slot of the task's parent, or -1 when it has none or the dump lacks it. */
  int parentSlot(int slot) {
    return parentSlot[slot];
  }

  /** An array of {@link #size()} ints, all {@code value}. */
  int[] ints(int value) {
    int[] array = new int[tasks.length];
    Arrays.fill(array, value);
    return array;
  }
}
