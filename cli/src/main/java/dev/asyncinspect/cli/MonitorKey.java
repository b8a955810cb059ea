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
  DUMP
}
