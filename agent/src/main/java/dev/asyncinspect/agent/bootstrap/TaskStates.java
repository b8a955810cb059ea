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

  private static final String[] NAMES = {
    "QUEUED", "RUNNING", "BLOCKED", "SUSPENDED", "COMPLETED", "FAILED", "CANCELLED"
  };

  static String name(int state) {
    return NAMES[state];
  }

  static boolean terminal(int state) {
    return state >= COMPLETED;
  }

  private TaskStates() {}
}
