package dev.asyncinspect.cli;

import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/** The monitor's key bindings, the terminal's own arrow keys included. */
final class MonitorKeys {
  private MonitorKeys() {}

  static KeyMap<MonitorKey> of(Terminal terminal) {
    KeyMap<MonitorKey> keys = new KeyMap<>();
    keys.bind(MonitorKey.QUIT, "q", "Q");
    keys.bind(MonitorKey.HELP, "h", "H", "?");
    keys.bind(MonitorKey.SORT, "s", "S");
    keys.bind(MonitorKey.STATE_FILTER, "f", "F");
    keys.bind(MonitorKey.NAME_FILTER, "/");
    keys.bind(MonitorKey.PAUSE, "p", "P", " ");
    keys.bind(MonitorKey.DUMP, "d", "D");
    keys.bind(MonitorKey.DETAILS, "\r", "\n");
    keys.bind(MonitorKey.BACK, KeyMap.esc());
    // Both cursor-key modes, whatever the terminal's description says it sends.
    keys.bind(MonitorKey.UP, "\033[A", "\033OA", "k");
    keys.bind(MonitorKey.DOWN, "\033[B", "\033OB", "j");
    String up = KeyMap.key(terminal, Capability.key_up);
    String down = KeyMap.key(terminal, Capability.key_down);
    if (up != null && !up.isEmpty()) {
      keys.bind(MonitorKey.UP, up);
    }
    if (down != null && !down.isEmpty()) {
      keys.bind(MonitorKey.DOWN, down);
    }
    // Esc alone and Esc starting an arrow key look alike until this much time has passed.
    keys.setAmbiguousTimeout(100);
    return keys;
  }
}
