package dev.asyncinspect.agent.bootstrap;

/** The recorder's bounds and switches, fixed at start-up from the agent options. */
public final class RecorderSettings {
  public static final int DEFAULT_MAX_LIVE_TASKS = 16_384;
  public static final int DEFAULT_MAX_FINISHED_TASKS = 16_384;
  public static final int DEFAULT_MAX_EVENTS = 65_536;

  final int maxLiveTasks;
  final int maxFinishedTasks;
  final int maxEvents;
  final boolean errorMessages;

  public RecorderSettings(
      int maxLiveTasks, int maxFinishedTasks, int maxEvents, boolean errorMessages) {
    this.maxLiveTasks = maxLiveTasks;
    this.maxFinishedTasks = maxFinishedTasks;
    this.maxEvents = maxEvents;
    this.errorMessages = errorMessages;
  }

  public static RecorderSettings defaults() {
    return new RecorderSettings(
        DEFAULT_MAX_LIVE_TASKS, DEFAULT_MAX_FINISHED_TASKS, DEFAULT_MAX_EVENTS, true);
  }
}
