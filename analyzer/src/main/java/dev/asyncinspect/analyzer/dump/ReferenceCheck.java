package dev.asyncinspect.analyzer.dump;

import java.util.List;

/**
 * Looks for ids that name records the dump does not have. Such a dump is still readable, so these
 * are warnings, not errors. References that may rightly dangle are not checked: a task's parent and
 * a future's producer may be finished tasks that are no longer retained, and events outlive their
 * tasks.
 */
final class ReferenceCheck {
  private final Dump dump;
  private final WarningList warnings;

  private ReferenceCheck(Dump dump, WarningList warnings) {
    this.dump = dump;
    this.warnings = warnings;
  }

  static void check(Dump dump, WarningList warnings) {
    new ReferenceCheck(dump, warnings).run();
  }

  private void run() {
    for (AwaitPointInfo point : dump.awaitPoints().values()) {
      method("await point " + point.id(), point.method());
    }
    for (TaskInfo task : dump.tasks()) {
      checkTask(task);
    }
    for (ObjectInfo object : dump.objects().values()) {
      String what = "object " + object.id();
      tasks(what + " holders", object.holders());
      tasks(what + " waiters", object.waiters());
    }
    for (JvmDeadlockInfo deadlock : dump.jvmDeadlocks()) {
      for (long thread : deadlock.threads()) {
        thread("jvmDeadlock", thread);
      }
    }
    for (StatsInfo stats : dump.methodStats()) {
      method("methodStats", stats.id());
    }
    for (StatsInfo stats : dump.pointStats()) {
      awaitPoint("pointStats", stats.id());
    }
    for (StatsInfo stats : dump.spawnStats()) {
      if (dump.spawnPoint(stats.id()) == null) {
        missing("spawnStats", "spawn point", stats.id());
      }
    }
    events();
  }

  /** Column by column, and ids checked in a bit set: a dump has up to millions of events. */
  private void events() {
    IdBits known = IdBits.of(dump.awaitPoints().keySet());
    EventColumns events = dump.eventColumns();
    for (int i = 0; i < events.size(); i++) {
      int point = events.point(i);
      if (point != EventColumns.NO_POINT
          && (point >= 0 ? !known.contains(point) : dump.awaitPoint(point) == null)) {
        missing("event " + events.seq(i), "await point", point);
      }
    }
  }

  private void checkTask(TaskInfo task) {
    // The subject of a warning is built only when there is one: a dump has up to millions of
    // tasks, nearly all of them fine (docs/performance.md).
    if (dump.method(task.method()) == null) {
      missing("task " + task.id(), "method", task.method());
    }
    if (task.thread() != null && dump.thread(task.thread()).isEmpty()) {
      missing("task " + task.id(), "thread", task.thread());
    }
    if (task.await() != null) {
      if (dump.awaitPoint(task.await().point()) == null) {
        missing("task " + task.id(), "await point", task.await().point());
      }
      Integer awaited = task.await().object();
      if (awaited != null && dump.object(awaited) == null) {
        missing("task " + task.id() + " await", "object", awaited);
      }
    }
    if (task.future() != null && dump.object(task.future()) == null) {
      missing("task " + task.id() + " future", "object", task.future());
    }
    for (int held : task.holds()) {
      if (dump.object(held) == null) {
        missing("task " + task.id() + " holds", "object", held);
      }
    }
  }

  private void method(String what, int id) {
    if (dump.method(id) == null) {
      missing(what, "method", id);
    }
  }

  private void awaitPoint(String what, int id) {
    if (dump.awaitPoint(id) == null) {
      missing(what, "await point", id);
    }
  }

  private void thread(String what, long id) {
    if (dump.thread(id).isEmpty()) {
      missing(what, "thread", id);
    }
  }

  private void tasks(String what, List<Long> ids) {
    for (long id : ids) {
      if (dump.task(id).isEmpty()) {
        missing(what, "task", id);
      }
    }
  }

  private void missing(String what, String kind, long id) {
    warnings.add(
        dump.source() + ": " + what + " names " + kind + " " + id + ", which the dump lacks");
  }
}
