package dev.asyncinspect.analyzer.report;

import dev.asyncinspect.analyzer.analysis.Names;
import dev.asyncinspect.analyzer.dump.AwaitInfo;
import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ObjectInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line about a live task, as concrete as the dump allows: what it is, its state and for how
 * long, where it waits and on what, who should release that, what it holds, and where it runs.
 *
 * <p>{@code #1 UserService.loadProfile BLOCKED 1.5s at UserService.java:28 join() on
 * CompletableFuture@5e9f23b4 = future of #2 UserService.fetchUser [SUSPENDED] thread "loader"}
 */
final class TaskLine {
  private final Dump dump;
  private final TaskInfo task;
  private final StringBuilder line = new StringBuilder();

  private TaskLine(Dump dump, TaskInfo task) {
    this.dump = dump;
    this.task = task;
  }

  static String of(Dump dump, TaskInfo task) {
    return new TaskLine(dump, task).render();
  }

  private String render() {
    line.append('#').append(task.id()).append(' ').append(task.name());
    line.append("  ").append(task.state()).append(' ');
    line.append(DurationFormat.format(dump.timeInState(task)));
    if (task.state() == TaskState.BLOCKED && task.await() != null) {
      appendAwait(task.await());
    }
    if (task.state() == TaskState.SUSPENDED && task.future() != null) {
      appendFuture(task.future());
    }
    if (!task.holds().isEmpty()) {
      List<String> held = new ArrayList<>();
      for (int id : task.holds()) {
        held.add(objectLabel(id));
      }
      line.append("  holds ").append(String.join(", ", held));
    }
    if (task.thread() != null) {
      line.append("  ").append(Labels.thread(dump, task.thread()));
    }
    return line.toString();
  }

  private void appendAwait(AwaitInfo await) {
    AwaitPointInfo point = dump.awaitPoint(await.point());
    if (point == null) {
      line.append(" at await point ").append(await.point()).append(" (not in the dump)");
    } else {
      line.append(" at ").append(Names.awaitPoint(dump, point));
      if (point.timed()) {
        line.append(" with timeout");
      }
    }
    if (await.object() != null) {
      line.append(" on ").append(objectLabel(await.object()));
      ObjectInfo object = dump.object(await.object());
      if (object != null) {
        appendWhoReleases(object);
      }
    }
  }

  private void appendWhoReleases(ObjectInfo object) {
    switch (object.kind()) {
      case FUTURE -> {
        if (object.producer() != null) {
          line.append(" = future of ").append(Labels.taskWithState(dump, object.producer()));
        } else {
          line.append(" = future with no known producer");
        }
        if (Boolean.TRUE.equals(object.done())) {
          line.append(", done").append(object.state() == null ? "" : " " + object.state());
        }
      }
      case LOCK, MONITOR -> {
        if (!object.holders().isEmpty()) {
          List<String> holders = new ArrayList<>();
          for (long holder : object.holders()) {
            holders.add(Labels.taskWithState(dump, holder));
          }
          line.append(" held by ").append(String.join(", ", holders));
        } else if (Boolean.TRUE.equals(object.locked())) {
          line.append(" held by untraced code");
        }
      }
      case THREAD -> {
        if (object.thread() != null) {
          line.append(" = ").append(Labels.thread(dump, object.thread()));
          runningOn(object.thread()).ifPresent(t -> line.append(" running ").append(t));
        }
      }
      default -> {
        // Latches, semaphores, queues: the dump does not say who will release them.
      }
    }
  }

  private Optional<String> runningOn(long threadId) {
    return dump.tasks().stream()
        .filter(t -> !t.state().terminal() && Long.valueOf(threadId).equals(t.thread()))
        .reduce((outer, inner) -> inner) // the innermost: the last started of nested tasks
        .map(t -> Labels.taskWithState(dump, t.id()));
  }

  private void appendFuture(int futureId) {
    line.append("  returned ").append(objectLabel(futureId));
    ObjectInfo future = dump.object(futureId);
    if (future != null && !future.waiters().isEmpty()) {
      List<String> waiters = new ArrayList<>();
      for (long waiter : future.waiters()) {
        waiters.add("#" + waiter);
      }
      line.append(", awaited by ").append(String.join(", ", waiters));
    }
  }

  private String objectLabel(int id) {
    ObjectInfo object = dump.object(id);
    return object == null ? "object " + id + " (not in the dump)" : object.label();
  }
}
