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
    keys.bind(MonitorKey.STEP_BACK, "\033[D", "\033OD", ",");
    keys.bind(MonitorKey.STEP_FORWARD, "\033[C", "\033OC", ".");
    keys.bind(MonitorKey.LARGE_BACK, "\033[5~", "<");
    keys.bind(MonitorKey.LARGE_FORWARD, "\033[6~", ">");
    keys.bind(MonitorKey.TO_START, "\033[H", "\033OH", "\033[1~", "\033[7~", "g");
    keys.bind(MonitorKey.TO_END, "\033[F", "\033OF", "\033[4~", "\033[8~", "G");
    keys.bind(MonitorKey.FASTER, "+", "=");
    keys.bind(MonitorKey.SLOWER, "-", "_");
    bind(keys, MonitorKey.STEP_BACK, KeyMap.key(terminal, Capability.key_left));
    bind(keys, MonitorKey.STEP_FORWARD, KeyMap.key(terminal, Capability.key_right));
    bind(keys, MonitorKey.LARGE_BACK, KeyMap.key(terminal, Capability.key_ppage));
    bind(keys, MonitorKey.LARGE_FORWARD, KeyMap.key(terminal, Capability.key_npage));
    bind(keys, MonitorKey.TO_START, KeyMap.key(terminal, Capability.key_home));
    bind(keys, MonitorKey.TO_END, KeyMap.key(terminal, Capability.key_end));
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

  /** Binds the key the terminal's description names, when it names one. */
  private static void bind(KeyMap<MonitorKey> keys, MonitorKey key, String sequence) {
    if (sequence != null && !sequence.isEmpty()) {
      keys.bind(key, sequence);
    }
  }
}
