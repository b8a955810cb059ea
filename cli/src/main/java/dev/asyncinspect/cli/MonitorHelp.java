package dev.asyncinspect.cli;

import java.util.ArrayList;
import java.util.List;

/** The monitor's help overlay: every key and what it does, live or replaying a dump. */
final class MonitorHelp {
  private MonitorHelp() {}

  static List<String> lines() {
    return lines(false);
  }

  static List<String> lines(boolean replay) {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "  q         quit (Ctrl-C too)",
                "  h  ?      this help; Esc or h again to go back",
                "  s         sort by the next column: time in state, id, name, state, thread",
                "  f         show only one state: all, RUNNING, BLOCKED, SUSPENDED, QUEUED",
                "  /         filter by name: type part of a name, Enter (empty: no filter)",
                "  Up Down   select a task",
                "  Enter     the selected task's details: wait chain, parent, children, history",
                "  Esc       back to the table"));
    if (!replay) {
      lines.add("  p         pause: stop fetching snapshots, p again to go on");
      lines.add("  d         write a full dump to async-inspect-PID.aidump.jsonl");
      return lines;
    }
    lines.add("  Left  ,   back one event          Right  .  forward one event");
    lines.add("  PgUp  <   back a large step       PgDn   >  forward a large step");
    lines.add("  Home  g   the first event         End    G  the last event");
    lines.add("  p  space  play the history from here at the speed, p again to pause");
    lines.add("  +  -      play faster, slower (twice, half)");
    lines.add("  STATE ?   the task's state then is not known: its earlier events were dropped");
    lines.add("            from the dump's bounded event history");
    return lines;
  }
}
