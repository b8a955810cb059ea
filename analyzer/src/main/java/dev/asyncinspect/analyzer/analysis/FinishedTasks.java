package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * The sums over the finished tasks of a list (live ones are skipped), for statistics derived from
 * the dump's tasks when it lacks the agent's record: durations, outcomes, and time in each state. A
 * task's queued time is what its duration leaves after running, blocked and suspended.
 */
final class FinishedTasks {
  final List<Long> durations = new ArrayList<>();
  long failed;
  long cancelled;
  long queuedNanos;
  long runningNanos;
  long blockedNanos;
  long suspendedNanos;

  static FinishedTasks of(List<TaskInfo> tasks) {
    FinishedTasks sums = new FinishedTasks();
    for (TaskInfo task : tasks) {
      if (!task.state().terminal()) {
        continue;
      }
      long duration = TaskTimes.end(task, task.stateSince()) - task.start();
      sums.durations.add(duration);
      sums.failed += task.state() == TaskState.FAILED ? 1 : 0;
      sums.cancelled += task.state() == TaskState.CANCELLED ? 1 : 0;
      sums.queuedNanos +=
          Math.max(0, duration - task.runningNanos() - task.blockedNanos() - task.suspendedNanos());
      sums.runningNanos += task.runningNanos();
      sums.blockedNanos += task.blockedNanos();
      sums.suspendedNanos += task.suspendedNanos();
    }
    return sums;
  }

  DurationSummary summary() {
    return DurationSummary.of(durations, failed);
  }
}
