package dev.asyncinspect.cli;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.utils.InfoCmp.Capability;

/**
 * The terminal taken over for the monitor, and given back: raw mode (keys arrive one by one,
 * unechoed; Ctrl-C still raises SIGINT), the alternate screen, the cursor hidden, the keypad in
 * application mode, and our INT and WINCH handlers. {@link #close()} undoes all of it in reverse,
 * so that the shell gets its screen and settings back however the monitor ends.
 */
final class MonitorScreen implements AutoCloseable {
  private final Terminal terminal;
  private final Attributes saved;
  private final SignalHandler oldInt;
  private final SignalHandler oldWinch;

  MonitorScreen(Terminal terminal, SignalHandler onInterrupt, SignalHandler onResize) {
    this.terminal = terminal;
    this.saved = terminal.enterRawMode();
    this.oldInt = terminal.handle(Signal.INT, onInterrupt);
    this.oldWinch = terminal.handle(Signal.WINCH, onResize);
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.keypad_xmit);
    terminal.puts(Capability.cursor_invisible);
    terminal.flush();
  }

  @Override
  public void close() {
    terminal.handle(Signal.INT, oldInt);
    terminal.handle(Signal.WINCH, oldWinch);
    terminal.puts(Capability.cursor_visible);
    terminal.puts(Capability.keypad_local);
    terminal.puts(Capability.exit_ca_mode);
    terminal.setAttributes(saved);
    terminal.flush();
  }
}
