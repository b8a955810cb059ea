package dev.asyncinspect.analyzer.dump;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The tasks of a dump in dump order, with an index by id. {@link Dump} is a record and so cannot
 * keep an index of its own; the index travels inside its task list instead, so that {@link
 * Dump#task(long)} is a map lookup rather than a scan (wait chains look tasks up very often).
 */
final class TaskList extends AbstractList<TaskInfo> implements RandomAccess {
  private final List<TaskInfo> tasks;
  private final Map<Long, TaskInfo> byId;

  private TaskList(List<TaskInfo> tasks) {
    this.tasks = List.copyOf(tasks);
    this.byId = new HashMap<>(this.tasks.size() * 2);
    for (TaskInfo task : this.tasks) {
      // The first record of an id wins; the reader warns about the duplicate.
      byId.putIfAbsent(task.id(), task);
    }
  }

  static TaskList of(List<TaskInfo> tasks) {
    if (tasks instanceof TaskList list) {
      return list;
    }
    return new TaskList(tasks == null ? List.of() : tasks);
  }

  TaskInfo find(long id) {
    return byId.get(id);
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
