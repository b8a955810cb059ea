package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Looks things up in a dump by what the tests know: task names and source locations. */
final class DumpQueries {

  private DumpQueries() {}

  /** The one task of that name. */
  static TaskInfo onlyTask(Dump dump, String name) {
    List<TaskInfo> named = dump.tasksNamed(name);
    assertThat(named).as("tasks named %s; the dump has %s", name, taskCounts(dump)).hasSize(1);
    return named.get(0);
  }

  /** The one traced method whose tasks have that name. */
  static MethodInfo method(Dump dump, String taskName) {
    List<MethodInfo> methods =
        dump.methods().values().stream().filter(m -> m.task().equals(taskName)).toList();
    assertThat(methods).as("methods of task %s in %s", taskName, dump.methods()).hasSize(1);
    return methods.get(0);
  }

  static StatsInfo methodStats(Dump dump, String taskName) {
    int id = method(dump, taskName).id();
    List<StatsInfo> stats = dump.methodStats().stream().filter(s -> s.id() == id).toList();
    assertThat(stats).as("methodStats of %s", taskName).hasSize(1);
    return stats.get(0);
  }

  /** The one await point at {@code File.java:line}. */
  static AwaitPointInfo awaitPointAt(Dump dump, String location) {
    List<AwaitPointInfo> points =
        dump.awaitPoints().values().stream().filter(p -> p.location().equals(location)).toList();
    assertThat(points)
        .as("await points at %s; the dump has %s", location, dump.awaitPoints().values())
        .hasSize(1);
    return points.get(0);
  }

  static StatsInfo pointStats(Dump dump, AwaitPointInfo point) {
    List<StatsInfo> stats = dump.pointStats().stream().filter(s -> s.id() == point.id()).toList();
    assertThat(stats).as("pointStats of %s", point).hasSize(1);
    return stats.get(0);
  }

  /** The locations of the await points a task was BLOCKED at, in the order of its events. */
  static List<String> blockedAt(Dump dump, TaskInfo task) {
    return dump.eventsOf(task.id()).stream()
        .filter(event -> event.state() == TaskState.BLOCKED)
        .map(EventInfo::point)
        .map(point -> dump.awaitPoint(point).location())
        .toList();
  }

  /** For failure messages: how many tasks of each name and state. */
  static Map<String, Long> taskCounts(Dump dump) {
    return dump.tasks().stream()
        .collect(
            Collectors.groupingBy(
                task -> task.name() + " " + task.state(), TreeMap::new, Collectors.counting()));
  }
}
