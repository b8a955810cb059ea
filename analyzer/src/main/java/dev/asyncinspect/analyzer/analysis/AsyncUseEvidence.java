package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.EventColumns;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.StatsInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides {@link AsyncUse} for every method of a dump. An ASYNC task is {@code SUSPENDED} from the
 * moment its method returns an incomplete future until that future completes; a method returning an
 * already completed future goes straight from {@code RUNNING} to its end. So a call
 * <em>suspended</em> when any of these holds:
 *
 * <ol>
 *   <li>the method's {@code methodStats} (all finished calls since the agent started) has {@code
 *       suspendedNanos > 0};
 *   <li>a task of the method in the dump is {@code SUSPENDED} now, or is finished with {@code
 *       suspendedNanos > 0} or an odd {@code transitions} count (an ASYNC task starts {@code
 *       RUNNING}; each wait adds {@code BLOCKED}+{@code RUNNING}; a suspension adds one more state
 *       before the end, which makes the count odd);
 *   <li>the event history has a {@code SUSPENDED} event of a task of the method.
 * </ol>
 *
 * A call <em>returned a completed future</em> when it is finished and did not suspend, by the stats
 * (finished calls with {@code suspendedNanos == 0}) or a finished task in the dump. An ASYNC method
 * is {@link AsyncUse#ASYNC_WHERE_NEEDED} with any suspended call, else {@link
 * AsyncUse#COULD_BE_SYNCHRONOUS} with any returned call, else {@link AsyncUse#UNDETERMINED}.
 */
final class AsyncUseEvidence {
  private final Set<Integer> suspended = new HashSet<>();
  private final Set<Integer> returnedCompleted = new HashSet<>();

  private AsyncUseEvidence() {}

  static Map<Integer, AsyncUse> classify(Dump dump) {
    return classify(dump, TaskIndex.of(dump));
  }

  static Map<Integer, AsyncUse> classify(Dump dump, TaskIndex index) {
    AsyncUseEvidence evidence = new AsyncUseEvidence();
    evidence.fromStats(dump);
    evidence.fromTasks(dump);
    evidence.fromEvents(dump, index);
    Map<Integer, AsyncUse> result = new HashMap<>();
    for (MethodInfo method : dump.methods().values()) {
      result.put(method.id(), evidence.decide(method));
    }
    return result;
  }

  private AsyncUse decide(MethodInfo method) {
    if (method.kind() != TaskKind.ASYNC) {
      return AsyncUse.SYNCHRONOUS;
    }
    if (suspended.contains(method.id())) {
      return AsyncUse.ASYNC_WHERE_NEEDED;
    }
    return returnedCompleted.contains(method.id())
        ? AsyncUse.COULD_BE_SYNCHRONOUS
        : AsyncUse.UNDETERMINED;
  }

  private void fromStats(Dump dump) {
    for (StatsInfo stats : dump.methodStats()) {
      if (stats.suspendedNanos() > 0) {
        suspended.add(stats.id());
      } else if (stats.count() > 0) {
        returnedCompleted.add(stats.id());
      }
    }
  }

  private void fromTasks(Dump dump) {
    for (TaskInfo task : dump.tasks()) {
      if (task.kind() != TaskKind.ASYNC) {
        continue;
      }
      if (task.state() == TaskState.SUSPENDED
          || task.suspendedNanos() > 0
          || (task.state().terminal() && task.transitions() % 2 == 1)) {
        suspended.add(task.method());
      } else if (task.state().terminal()) {
        returnedCompleted.add(task.method());
      }
    }
  }

  private void fromEvents(Dump dump, TaskIndex index) {
    EventColumns events = dump.eventColumns();
    boolean[] seen = new boolean[index.size()]; // a task that suspends often counts once
    for (int i = 0; i < events.size(); i++) {
      if (events.state(i) == TaskState.SUSPENDED) {
        int slot = index.slot(events.task(i));
        if (slot >= 0 && !seen[slot] && index.kind(slot) == TaskKind.ASYNC) {
          seen[slot] = true;
          suspended.add(index.method(slot));
        }
      }
    }
  }
}
