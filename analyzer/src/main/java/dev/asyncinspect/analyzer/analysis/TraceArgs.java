package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.LinkedHashMap;
import java.util.Map;

/** The names and arguments of the slices of a trace. */
final class TraceArgs {
  private TraceArgs() {}

  /**
   * A task's slice: which task, its kind and its state at the dump; on its first slice whether
   * earlier states are unknown, on its last whether it was still live.
   */
  static Map<String, Object> task(TaskTimeline task, boolean first, boolean last) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("task", "#" + task.id() + " " + task.name());
    args.put("id", task.id());
    args.put("kind", task.task().kind().name());
    args.put("state", task.task().state().name());
    if (task.task().parent() != null) {
      args.put("parent", task.task().parent());
    }
    if (first && task.truncated()) {
      args.put("truncated", "the task started earlier; its first states are not in the history");
    }
    if (last && task.open()) {
      args.put("open", "still live at the dump");
    }
    return args;
  }

  /** {@code CompletableFuture.join FanOutPipeline.java:38} for a wait; else the state. */
  static String segmentName(StateSegment segment) {
    if (segment.state() == TaskState.BLOCKED && segment.await() != null) {
      TimelineAwait await = segment.await();
      boolean located =
          await.point() != null && (await.point().file() != null || await.point().line() != null);
      return located ? await.operation() + " " + await.location() : await.operation();
    }
    if (segment.ownsThread() && segment.thread() == null) {
      return segment.state() + " (thread not in the dump)";
    }
    return segment.state().name();
  }

  /** A segment's slice: the state, the task, and where and on what a wait waits. */
  static Map<String, Object> segment(TaskTimeline task, StateSegment segment) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("state", segment.state().name());
    args.put("task", "#" + task.id() + " " + task.name());
    TimelineAwait await = segment.await();
    if (await != null) {
      args.put("location", await.location());
      args.put("operation", await.operation());
      if (await.object() != null) {
        args.put("object", await.objectLabel());
      }
    }
    return args;
  }
}
