package dev.asyncinspect.agent.bootstrap;

/** Task states as small ints (cheap to store and to compare on the hot path), and their names. */
final class TaskStates {
  static final int QUEUED = 0;
  static final int RUNNING = 1;
  static final int BLOCKED = 2;
  static final int SUSPENDED = 3;
  static final int COMPLETED = 4;
  static final int FAILED = 5;
  static final int CANCELLED = 6;

  /**
   * Not a task's state: a record taken for a task that is about to start in it. Readers skip it,
   * and it is neither live nor terminal.
   */
  static final int RESERVED = -1;

  private static final String[] NAMES = {
    "QUEUED", "RUNNING", "BLOCKED", "SUSPENDED", "COMPLETED", "FAILED", "CANCELLED"
  };

  static String name(int state) {
    return NAMES[state];
  }

  static boolean terminal(int state) {
    return state >= COMPLETED;
  }

  /** Whether a task in {@code state} has started and not ended. */
  static boolean live(int state) {
    return state >= QUEUED && state < COMPLETED;
  }

  private TaskStates() {}
}
