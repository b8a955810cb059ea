package dev.asyncinspect.agent.bootstrap;

/**
 * Finds which traced task a pinned block belongs to, and at which await point it blocked, from the
 * thread, the time and the stack the JFR event reports.
 */
final class PinnedAttribution {

  /**
   * The innermost task started on {@code threadId} that was running at {@code at} (nanos on the
   * recorder's clock), or 0. Looks through the live and the finished tasks the table holds.
   */
  static long task(Recorder recorder, long threadId, long at) {
    TaskRecord best = null;
    for (int slot = 0; slot < recorder.tableCapacity(); slot++) {
      best = better(best, recorder.taskAt(slot), threadId, at);
    }
    return best == null ? 0 : best.id;
  }

  private static TaskRecord better(TaskRecord best, TaskRecord t, long threadId, long at) {
    if (t == null) {
      return best;
    }
    long id = t.id;
    int state = t.state;
    if (state == TaskStates.RESERVED) {
      return best;
    }
    boolean ended = TaskStates.terminal(state);
    long start = t.start;
    long end = t.end;
    if (t.startThreadId != threadId || start > at || ended && end < at || !t.sameTask(id)) {
      return best;
    }
    return best == null || start > best.start ? t : best;
  }

  /**
   * The await point at the innermost frame of a traced method in {@code stack}: same class, method
   * and line. 0 when the block was not at an await point (for example in a class initializer the
   * traced code triggered).
   */
  static int point(Registry registry, StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      for (int id = 1; id <= registry.awaitSiteCount(); id++) {
        AwaitSite site = registry.awaitSite(id);
        if (site != null
            && site.line == frame.getLineNumber()
            && site.method.className.equals(frame.getClassName())
            && site.method.name.equals(frame.getMethodName())) {
          return id;
        }
      }
    }
    return 0;
  }

  private PinnedAttribution() {}
}
