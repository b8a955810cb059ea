package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.analysis.AsyncFrame.Source;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ErrorInfo;
import dev.asyncinspect.analyzer.dump.EventInfo;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where each task of an async stack was when its child failed, from the most precise evidence
 * to the least:
 *
 * <ol>
 *   <li>the task is {@code BLOCKED} now: its await point;
 *   <li>the event history: the await point it was blocked at when the child ended; or, when the
 *       child is ASYNC (its failure travels in a future that is awaited later), its first wait on a
 *       future after the child ended: where the failure reached it;
 *   <li>the failed task's exception stack (and causes): the frame of the task's method, which is
 *       where it called the child when both ran on one thread;
 *   <li>the first line of the task's method.
 * </ol>
 */
final class FrameLocator {
  private final Dump dump;
  private final Map<Long, List<EventInfo>> events = new HashMap<>();

  FrameLocator(Dump dump) {
    this.dump = dump;
    for (EventInfo event : dump.events()) {
      events.computeIfAbsent(event.task(), id -> new ArrayList<>()).add(event);
    }
  }

  /** The failed task's own frame: where its exception passed through its method. */
  AsyncFrame thrown(TaskInfo failed) {
    MethodInfo method = dump.method(failed.method());
    StackFrame frame = frameOf(method, failed.error());
    if (frame != null) {
      return frame(failed, method, frame.file(), frame.line(), null, Source.THROWN);
    }
    return declaration(failed, method);
  }

  /** A parent's frame, where it was when {@code child} (on the way to {@code failed}) ended. */
  AsyncFrame parent(TaskInfo parent, TaskInfo child, TaskInfo failed) {
    MethodInfo method = dump.method(parent.method());
    if (parent.state() == TaskState.BLOCKED && parent.await() != null) {
      AwaitPointInfo point = dump.awaitPoint(parent.await().point());
      if (point != null) {
        return frame(parent, method, point.file(), point.line(), point, Source.BLOCKED);
      }
    }
    AwaitPointInfo point = fromHistory(parent, child);
    if (point != null) {
      return frame(parent, method, point.file(), point.line(), point, Source.EVENT_HISTORY);
    }
    StackFrame frame = frameOf(method, failed.error());
    if (frame != null) {
      return frame(parent, method, frame.file(), frame.line(), null, Source.CALL_SITE);
    }
    return declaration(parent, method);
  }

  /** A frame for a parent the dump does not contain. */
  AsyncFrame missing(long taskId) {
    return new AsyncFrame(taskId, null, "(not in the dump)", null, null, null, Source.UNKNOWN);
  }

  private AwaitPointInfo fromHistory(TaskInfo parent, TaskInfo child) {
    List<EventInfo> history = events.getOrDefault(parent.id(), List.of());
    if (history.isEmpty() || child.end() == null) {
      return null;
    }
    long childEnd = child.end();
    EventInfo atChildEnd = null;
    for (EventInfo event : history) {
      if (event.t() <= childEnd) {
        atChildEnd = event;
      } else if (child.kind() == TaskKind.ASYNC
          && event.state() == TaskState.BLOCKED
          && atChildEnd != null
          && atChildEnd.state() != TaskState.BLOCKED) {
        AwaitPointInfo later = point(event);
        if (later != null && later.kind() == AwaitKind.FUTURE) {
          return later;
        }
      }
    }
    return atChildEnd != null && atChildEnd.state() == TaskState.BLOCKED ? point(atChildEnd) : null;
  }

  private AwaitPointInfo point(EventInfo event) {
    return event.point() == null ? null : dump.awaitPoint(event.point());
  }

  private AsyncFrame declaration(TaskInfo task, MethodInfo method) {
    if (method == null) {
      return frame(task, null, null, null, null, Source.UNKNOWN);
    }
    return frame(task, method, method.file(), method.line(), null, Source.METHOD);
  }

  private static AsyncFrame frame(
      TaskInfo task,
      MethodInfo method,
      String file,
      Integer line,
      AwaitPointInfo await,
      Source source) {
    return new AsyncFrame(
        task.id(),
        method == null ? null : method.className(),
        method == null ? task.name() : method.name(),
        file,
        line,
        await,
        source);
  }

  /** The first frame of the method in the exception's stack or its causes' stacks, or null. */
  private static StackFrame frameOf(MethodInfo method, ErrorInfo error) {
    if (method == null) {
      return null;
    }
    int depth = 0;
    for (ErrorInfo e = error; e != null && depth < 16; e = e.cause(), depth++) {
      for (StackFrame frame : e.stack()) {
        if (frame.className().equals(method.className()) && frame.method().equals(method.name())) {
          return frame;
        }
      }
    }
    return null;
  }
}
