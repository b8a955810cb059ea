package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.ErrorInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The failures as a JSON-ready list of {@code Map}s with a stable shape (documented in
 * docs/cli.md):
 *
 * <pre>
 * [{"task": {"id": 3, "name": "FailingChain.reserveStock", "parent": 2, "durationNanos": 376836},
 *   "origin": true,
 *   "error": {"class": "java.lang.IllegalStateException", "message": "out of stock",
 *             "stack": [{"class": "demo.FailingChain", "method": "reserveStock",
 *                        "file": "FailingChain.java", "line": 43}]},
 *   "asyncStack": [{"task": 3, "class": "demo.FailingChain", "method": "reserveStock",
 *                   "file": "FailingChain.java", "line": 43, "source": "THROWN"},
 *                  {"task": 1, ..., "await": {"awaitPoint": 1, "operation": ...},
 *                   "source": "EVENT_HISTORY"}],
 *   "framesOmitted": 0}]
 * </pre>
 *
 * {@code failedChild} is present on a failure that followed a child's; {@code error} is absent when
 * the agent recorded none; an error has {@code cause} and {@code framesOmitted} when it has them.
 */
public final class FailuresJson {
  private FailuresJson() {}

  /** The JSON-ready view of the failures. */
  public static List<Object> view(List<Failure> failures) {
    List<Object> views = new ArrayList<>();
    for (Failure failure : failures) {
      TaskInfo task = failure.task();
      List<Object> frames = new ArrayList<>();
      for (AsyncFrame frame : failure.asyncStack()) {
        frames.add(
            new JsonView()
                .put("task", frame.task())
                .put("class", frame.className())
                .put("method", frame.method())
                .put("file", frame.file())
                .put("line", frame.line())
                .put("await", frame.await() == null ? null : WaitJson.awaitPoint(frame.await()))
                .put("source", frame.source().name())
                .toMap());
      }
      views.add(
          new JsonView()
              .put(
                  "task",
                  new JsonView()
                      .put("id", task.id())
                      .put("name", task.name())
                      .put("parent", task.parent())
                      .put("durationNanos", task.end() == null ? null : task.end() - task.start())
                      .toMap())
              .put("origin", failure.origin())
              .put("failedChild", failure.failedChild())
              .put("error", error(task.error()))
              .put("asyncStack", frames)
              .put("framesOmitted", failure.framesOmitted())
              .toMap());
    }
    return views;
  }

  private static Map<String, Object> error(ErrorInfo error) {
    if (error == null) {
      return null;
    }
    List<Object> stack = new ArrayList<>();
    for (StackFrame frame : error.stack()) {
      stack.add(
          new JsonView()
              .put("class", frame.className())
              .put("method", frame.method())
              .put("file", frame.file())
              .put("line", frame.line())
              .put("native", frame.nativeMethod() ? true : null)
              .toMap());
    }
    return new JsonView()
        .put("class", error.className())
        .put("message", error.message())
        .put("stack", stack)
        .put("framesOmitted", error.framesOmitted() > 0 ? error.framesOmitted() : null)
        .put("cause", error(error.cause()))
        .toMap();
  }
}
