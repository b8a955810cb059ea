package dev.asyncinspect.bench;

import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic program behind a benchmark dump: requests arrive every {@value #REQUEST_GAP} ns;
 * each is a SYNC handler task with four child tasks (one of them sometimes nested in another),
 * calling {@value #METHODS} traced methods of which 40 % are ASYNC. The event budget is spread over
 * the tasks so that the dump has exactly the events asked for; a task with an odd number of events
 * must suspend, so it gets an ASYNC method. A few ASYNC methods never suspend: the call graph
 * should call them "could be synchronous". Requests still running at the dump's moment leave live
 * tasks: blocked on futures and locks, suspended, or running.
 */
final class Workload {
  static final int METHODS = 200;
  static final long REQUEST_GAP = 50_000;
  static final int POINTS_PER_METHOD = 3;

  final List<TaskPlan> tasks;
  final StatsTally[] methodStats = new StatsTally[METHODS + 1];
  final StatsTally[] pointStats = new StatsTally[METHODS * POINTS_PER_METHOD + 1];
  final long dumpNanos;
  private final SplittableRandom random;
  private final double eventsPerTask;
  private final long totalEvents;
  private final int taskCount;
  private long eventsPlanned;

  private Workload(long events, int taskCount, long seed) {
    this.tasks = new ArrayList<>(taskCount);
    this.random = new SplittableRandom(seed);
    this.eventsPerTask = (double) events / taskCount;
    this.totalEvents = events;
    this.taskCount = taskCount;
    int requests = (taskCount + 4) / 5;
    this.dumpNanos = 1_000_000 + (requests - 1) * REQUEST_GAP + 2_000_000;
    for (int i = 0; i < methodStats.length; i++) {
      methodStats[i] = new StatsTally();
    }
    for (int i = 0; i < pointStats.length; i++) {
      pointStats[i] = new StatsTally();
    }
  }

  /** Plans {@code taskCount} tasks with {@code events} events in all. */
  static Workload plan(long events, int taskCount, long seed) {
    if (events < 2L * taskCount) {
      throw new IllegalArgumentException("need at least 2 events per task");
    }
    Workload workload = new Workload(events, taskCount, seed);
    for (int request = 0; workload.tasks.size() < taskCount; request++) {
      workload.request(request);
    }
    workload.numberInStartOrder();
    return workload;
  }

  /**
   * Gives the tasks ids in start order, as the agent does (a child starts after the next request's
   * handler, so planning order is not start order), and lists them in that order.
   */
  private void numberInStartOrder() {
    List<TaskPlan> byStart = new ArrayList<>(tasks);
    byStart.sort(Comparator.comparingLong((TaskPlan t) -> t.start).thenComparingInt(t -> t.id));
    int[] newId = new int[tasks.size() + 1];
    for (int i = 0; i < byStart.size(); i++) {
      newId[byStart.get(i).id] = i + 1;
    }
    tasks.clear();
    for (TaskPlan task : byStart) {
      tasks.add(task.renumbered(newId[task.id], task.parent == 0 ? 0 : newId[task.parent]));
    }
  }

  static boolean isHandler(int method) {
    return method % 5 == 0;
  }

  static boolean isAsync(int method) {
    return method % 5 == 1 || method % 5 == 3;
  }

  /** ASYNC methods whose every call returns a completed future. */
  static boolean neverSuspends(int method) {
    return method % 25 == 1;
  }

  private void request(int request) {
    long start = 1_000_000 + request * REQUEST_GAP;
    long duration = 2_000_000 + random.nextLong(18_000_000);
    TaskPlan root = add(0, true, start, start + duration);
    TaskPlan previous = root;
    for (int child = 1; child <= 4 && tasks.size() < taskCount; child++) {
      boolean nested = child == 4 && random.nextInt(4) == 0;
      TaskPlan parent = nested ? previous : root;
      long parentEnd = Math.max(parent.plannedEnd, parent.start + 2_000);
      long from = parent.start + (parentEnd - parent.start) * child / 6;
      from = Math.min(from + random.nextLong(1 + duration / 12), dumpNanos - 2_000 - child);
      long to = from + 1_000 + random.nextLong(Math.max(1, (parentEnd - from) * 9 / 10));
      previous = add(parent.id, false, from, to);
    }
  }

  private TaskPlan add(int parent, boolean handler, long start, long plannedEnd) {
    int id = tasks.size() + 1;
    boolean live = plannedEnd >= dumpNanos;
    long last = live ? Math.max(start, dumpNanos - 1_000 - id % 1_000) : plannedEnd;
    int events = (int) Math.max(1, eventCount(id));
    if (!live) {
      events = Math.max(2, events);
    }
    if (handler && !live && events % 2 == 1) {
      events++; // a handler is SYNC: it never suspends, so it has an even count
    }
    int method = handler ? handlerMethod() : method(events, live);
    boolean async = isAsync(method);
    boolean suspends =
        async && !neverSuspends(method) && (live ? events % 2 == 0 : events % 2 == 1);
    TaskState end = live ? null : endState(async);
    TaskPlan task =
        new TaskPlan(id, method, parent, async, start, last, plannedEnd, events, suspends, end);
    tally(task);
    tasks.add(task);
    eventsPlanned += events;
    return task;
  }

  /**
   * Events for the task with this id: spread from a fifth to nearly twice the mean, plus what the
   * tasks before it fell short of the mean; the last task takes exactly what remains.
   */
  private long eventCount(int id) {
    if (id == taskCount) {
      return totalEvents - eventsPlanned;
    }
    long deficit = Math.round(eventsPerTask * (id - 1)) - eventsPlanned;
    return Math.round(eventsPerTask * (0.2 + 1.6 * random.nextDouble())) + deficit;
  }

  private int handlerMethod() {
    return 5 * (1 + random.nextInt(METHODS / 5));
  }

  /**
   * A method for a child task with this many events: a finished task with an odd count suspended on
   * its way (RUNNING, waits, SUSPENDED, end), which only an ASYNC method that can suspend does.
   */
  private int method(int events, boolean live) {
    boolean mustSuspend = !live && events % 2 == 1;
    while (true) {
      int method = 1 + random.nextInt(METHODS);
      boolean canSuspend = isAsync(method) && !neverSuspends(method);
      if (!isHandler(method) && (canSuspend || !mustSuspend)) {
        return method;
      }
    }
  }

  private TaskState endState(boolean async) {
    int roll = random.nextInt(1000);
    if (roll < 20) {
      return TaskState.FAILED;
    }
    return async && roll < 25 ? TaskState.CANCELLED : TaskState.COMPLETED;
  }

  /** Adds the task's times to its own sums and to the agent's aggregates. */
  private void tally(TaskPlan task) {
    for (int j = 0; j + 1 < task.events; j++) {
      long span = task.time(j + 1) - task.time(j);
      switch (task.state(j)) {
        case RUNNING -> task.runningNanos += span;
        case BLOCKED -> {
          task.blockedNanos += span;
          pointStats[pointId(task.method, task.pointIndex(j))].add(span);
        }
        case SUSPENDED -> task.suspendedNanos += span;
        default -> throw new IllegalStateException("no state after an end");
      }
    }
    if (task.live()) {
      return;
    }
    StatsTally stats = methodStats[task.method];
    stats.add(task.last - task.start);
    stats.failed += task.end == TaskState.FAILED ? 1 : 0;
    stats.cancelled += task.end == TaskState.CANCELLED ? 1 : 0;
    stats.runningNanos += task.runningNanos;
    stats.blockedNanos += task.blockedNanos;
    stats.suspendedNanos += task.suspendedNanos;
  }

  /** The id of a method's await point: 0 waits on futures, 1 on locks, 2 sleeps. */
  static int pointId(int method, int index) {
    return (method - 1) * POINTS_PER_METHOD + index + 1;
  }
}
