package dev.asyncinspect.analyzer.dump;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The tasks of a dump in dump order, with an index by id. {@link Dump} is a record and so cannot
 * keep an index of its own; the index travels inside its task list instead, so that {@link
 * Dump#task(long)} is a map lookup rather than a scan (wait chains look tasks up very often).
 */
final class TaskList extends AbstractList<TaskInfo> implements RandomAccess {
  private final List<TaskInfo> tasks;
  private final LongIndex byId; // id -> position in tasks

  private TaskList(List<TaskInfo> tasks, LongIndex byId) {
    this.tasks = List.copyOf(tasks);
    this.byId = byId;
  }

  static TaskList of(List<TaskInfo> tasks) {
    if (tasks instanceof TaskList list) {
      return list;
    }
    List<TaskInfo> list = tasks == null ? List.of() : tasks;
    LongIndex byId = new LongIndex(list.size());
    for (int i = 0; i < list.size(); i++) {
      // The first record of an id wins; the reader warns about the duplicate.
      byId.putIfAbsent(list.get(i).id(), i);
    }
    return new TaskList(list, byId);
  }

  /**
   * The reader's tasks, with the index it built while reading them: each id at the position of its
   * task in {@code tasks}, the first of two tasks with one id being the only one there.
   */
  static TaskList indexed(List<TaskInfo> tasks, LongIndex byId) {
    return new TaskList(tasks, byId);
  }

  TaskInfo find(long id) {
    int position = byId.get(id);
    return position < 0 ? null : tasks.get(position);
  }

  @Override
  public TaskInfo get(int index) {
    return tasks.get(index);
  }

  @Override
  public int size() {
    return tasks.size();
  }
}
