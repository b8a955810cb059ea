package dev.asyncinspect.analyzer.dump;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one dump file says, read by {@link DumpReader}. Immutable. The maps keep the order of
 * the file; lists are never null.
 *
 * @param source the file it was read from
 * @param header the header record
 * @param methods the traced methods by id
 * @param awaitPoints the await points by id
 * @param threads the threads by id
 * @param tasks the tasks, live and retained finished ones, in dump order
 * @param objects the futures, locks and other objects by id
 * @param jvmDeadlocks platform-thread deadlocks the JVM found
 * @param methodStats per-method aggregates
 * @param pointStats per-await-point aggregates
 * @param events the recent history of state changes, in {@code seq} order
 * @param end the end record, or null when the dump is truncated
 * @param warnings what the reader found odd but could read past (truncation, dangling ids)
 * @param spawnPoints the spawn points by id (format 1.1)
 * @param pinned the recorded blocks of pinned virtual threads, in dump order (format 1.1)
 * @param spawnStats per-spawn-point aggregates (format 1.1)
 */
public record Dump(
    Path source,
    Header header,
    Map<Integer, MethodInfo> methods,
    Map<Integer, AwaitPointInfo> awaitPoints,
    Map<Long, ThreadInfo> threads,
    List<TaskInfo> tasks,
    Map<Integer, ObjectInfo> objects,
    List<JvmDeadlockInfo> jvmDeadlocks,
    List<StatsInfo> methodStats,
    List<StatsInfo> pointStats,
    List<EventInfo> events,
    EndInfo end,
    List<String> warnings,
    Map<Integer, SpawnPointInfo> spawnPoints,
    List<PinnedInfo> pinned,
    List<StatsInfo> spawnStats) {

  /** A dump of format 1.0: no spawn points, no pinned records. */
  public Dump(
      Path source,
      Header header,
      Map<Integer, MethodInfo> methods,
      Map<Integer, AwaitPointInfo> awaitPoints,
      Map<Long, ThreadInfo> threads,
      List<TaskInfo> tasks,
      Map<Integer, ObjectInfo> objects,
      List<JvmDeadlockInfo> jvmDeadlocks,
      List<StatsInfo> methodStats,
      List<StatsInfo> pointStats,
      List<EventInfo> events,
      EndInfo end,
      List<String> warnings) {
    this(
        source,
        header,
        methods,
        awaitPoints,
        threads,
        tasks,
        objects,
        jvmDeadlocks,
        methodStats,
        pointStats,
        events,
        end,
        warnings,
        Map.of(),
        List.of(),
        List.of());
  }

  public Dump {
    methods = Copies.orderedMap(methods);
    awaitPoints = Copies.orderedMap(awaitPoints);
    threads = Copies.orderedMap(threads);
    tasks = TaskList.of(tasks);
    objects = Copies.orderedMap(objects);
    jvmDeadlocks = Copies.list(jvmDeadlocks);
    methodStats = Copies.list(methodStats);
    pointStats = Copies.list(pointStats);
    events = EventList.of(events); // compact: a dump may hold millions
    warnings = Copies.list(warnings);
    spawnPoints = Copies.orderedMap(spawnPoints);
    pinned = Copies.list(pinned);
    spawnStats = Copies.list(spawnStats);
  }

  /** Whether the dump has its end record; a truncated dump has not. */
  public boolean complete() {
    return end != null;
  }

  /** The task with an id, if the dump has it. */
  public Optional<TaskInfo> task(long id) {
    return Optional.ofNullable(((TaskList) tasks).find(id));
  }

  /** The tasks with a name, in dump order. */
  public List<TaskInfo> tasksNamed(String name) {
    List<TaskInfo> named = new ArrayList<>();
    for (TaskInfo task : tasks) {
      if (task.name().equals(name)) {
        named.add(task);
      }
    }
    return named;
  }

  /** The method with an id, or null when the dump has none (the reader warned about it). */
  public MethodInfo method(int id) {
    return methods.get(id);
  }

  /** The await point with an id, or null when the dump has none (the reader warned about it). */
  public AwaitPointInfo awaitPoint(int id) {
    return awaitPoints.get(id);
  }

  /** The spawn point with an id, or null when the dump has none. */
  public SpawnPointInfo spawnPoint(int id) {
    return spawnPoints.get(id);
  }

  /** The object with an id, or null when the dump has none (the reader warned about it). */
  public ObjectInfo object(int id) {
    return objects.get(id);
  }

  /** The thread with an id, if the dump has it. */
  public Optional<ThreadInfo> thread(long id) {
    return Optional.ofNullable(threads.get(id));
  }

  /**
   * The events of {@link #events()} as columns of primitives: for walking every event without
   * making an object of each.
   */
  public EventColumns eventColumns() {
    return ((EventList) events).columns();
  }

  /** The events of one task, in {@code seq} order. */
  public List<EventInfo> eventsOf(long taskId) {
    List<EventInfo> ofTask = new ArrayList<>();
    EventColumns columns = eventColumns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.task(i) == taskId) {
        ofTask.add(columns.get(i));
      }
    }
    return ofTask;
  }

  /** How long a task has been in its state at the dump's moment; 0 if the clocks disagree. */
  public long timeInState(TaskInfo task) {
    return Math.max(0, header.dumpNanos() - task.stateSince());
  }
}
