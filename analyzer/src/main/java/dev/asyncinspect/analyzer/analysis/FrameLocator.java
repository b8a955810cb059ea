package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.analysis.AsyncFrame.Source;
import dev.asyncinspect.analyzer.dump.AwaitKind;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ErrorInfo;
import dev.asyncinspect.analyzer.dump.EventColumns;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskKind;
import dev.asyncinspect.analyzer.dump.TaskState;

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
  private final EventColumns events;
  private final TaskIndex index;
  // Each task's events as a chain of event indexes, in order: firstEvent by task slot, then
  // nextEvent by event index; -1 ends a chain. Two int arrays rather than a list per task: the
  // history has up to millions of events.
  private final int[] firstEvent;
  private final int[] nextEvent;

  FrameLocator(Dump dump) {
    this.dump = dump;
    this.events = dump.eventColumns();
    this.index = TaskIndex.of(dump);
    this.firstEvent = index.ints(-1);
    this.nextEvent = new int[events.size()];
    for (int i = events.size() - 1; i >= 0; i--) {
      int slot = index.slot(events.task(i));
      nextEvent[i] = slot < 0 ? -1 : firstEvent[slot];
      if (slot >= 0) {
        firstEvent[slot] = i;
      }
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
    int slot = index.slot(parent.id());
    if (slot < 0 || child.end() == null) {
      return null;
    }
    long childEnd = child.end();
    int atChildEnd = -1;
    for (int i = firstEvent[slot]; i >= 0; i = nextEvent[i]) {
      if (events.time(i) <= childEnd) {
        atChildEnd = i;
      } else if (child.kind() == TaskKind.ASYNC
          && events.state(i) == TaskState.BLOCKED
          && atChildEnd >= 0
          && events.state(atChildEnd) != TaskState.BLOCKED) {
        AwaitPointInfo later = point(i);
        if (later != null && later.kind() == AwaitKind.FUTURE) {
          return later;
        }
      }
    }
    return atChildEnd >= 0 && events.state(atChildEnd) == TaskState.BLOCKED
        ? point(atChildEnd)
        : null;
  }

  private AwaitPointInfo point(int event) {
    int point = events.point(event);
    return point == EventColumns.NO_POINT ? null : dump.awaitPoint(point);
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
