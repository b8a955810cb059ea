package dev.asyncinspect.analyzer.report;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ThreadInfo;

/** How reports name things: tasks as {@code #12 OrderService.place}, threads by name. */
final class Labels {
  private Labels() {}

  /** {@code #2 UserService.fetchUser [SUSPENDED]}, or {@code #2 (not in the dump)}. */
  static String taskWithState(Dump dump, long id) {
    return dump.task(id)
        .map(task -> "#" + id + " " + task.name() + " [" + task.state() + "]")
        .orElse("#" + id + " (not in the dump)");
  }

  /** {@code thread "main"}, {@code virtual thread #33} when unnamed, {@code thread #99} unknown. */
  static String thread(Dump dump, long id) {
    return dump.thread(id).map(Labels::thread).orElse("thread #" + id);
  }

  static String thread(ThreadInfo thread) {
    String kind = thread.virtual() ? "virtual thread " : "thread ";
    return thread.name().isEmpty() ? kind + "#" + thread.id() : kind + '"' + thread.name() + '"';
  }
}
