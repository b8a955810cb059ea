package dev.asyncinspect.cli;

import java.util.List;

/** The monitor's help overlay: every key and what it does. */
final class MonitorHelp {
  private MonitorHelp() {}

  static List<String> lines() {
    return List.of(
        "  q         quit (Ctrl-C too)",
        "  h  ?      this help; Esc or h again to go back",
        "  s         sort by the next column: time in state, id, name, state, thread",
        "  f         show only one state: all, RUNNING, BLOCKED, SUSPENDED, QUEUED",
        "  /         filter by name: type part of a name, Enter (empty: no filter)",
        "  Up Down   select a task",
        "  Enter     the selected task's details: wait chain, parent, children, history",
        "  Esc       back to the table",
        "  p         pause: stop fetching snapshots, p again to go on",
        "  d         write a full dump to async-inspect-PID.aidump.jsonl");
  }
}
