package dev.asyncinspect.cli;

/** What a key press asks the monitor to do; {@link MonitorKeys} binds the keys to these. */
enum MonitorKey {
  QUIT,
  HELP,
  SORT,
  STATE_FILTER,
  NAME_FILTER,
  UP,
  DOWN,
  DETAILS,
  BACK,
  PAUSE,
  DUMP,
  // Replay only: moving through the dump's history, and the speed of playing it.
  STEP_BACK,
  STEP_FORWARD,
  LARGE_BACK,
  LARGE_FORWARD,
  TO_START,
  TO_END,
  FASTER,
  SLOWER
}
