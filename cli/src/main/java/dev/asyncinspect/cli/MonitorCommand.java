package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import java.io.IOError;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Display;
import org.jline.utils.NonBlockingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code async-inspect monitor <pid>}: the live tasks of a JVM, full screen, in the manner of
 * JLine's {@code TTop}: raw mode on the alternate screen with the cursor hidden, one loop that
 * waits for a key at most one interval and then fetches a snapshot and redraws (by difference,
 * {@link Display}), a redraw on resize, and the terminal restored in {@code finally}, Ctrl-C
 * included. What is drawn is {@link MonitorView}'s pure function of the snapshot.
 */
@Command(
    name = "monitor",
    description = "Watch the live tasks of a running JVM that runs the agent (keys: h for help).",
    mixinStandardHelpOptions = true)
final class MonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PID", description = "The JVM's process id.")
  long pid;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description = "How often to fetch a snapshot (default: ${DEFAULT-VALUE}), e.g. 500ms, 2s.")
  String interval;

  // The loop and the resize handler (another thread) both draw: drawing and changing what is drawn
  // hold this object's lock.
  private Terminal terminal;
  private Display display;
  private MonitorView view;
  private final MonitorState state = new MonitorState();
  private Dump snapshot;
  private volatile boolean interrupted;

  @Override
  public Integer call() throws IOException {
    long intervalMillis;
    try {
      intervalMillis = Math.max(100, Durations.parseNanos(interval) / 1_000_000);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--interval: " + e.getMessage());
    }
    MonitorSource source = MonitorSource.of(pid);
    view = new MonitorView(source.stuckThresholdNanos());
    snapshot = source.snapshot(); // before the screen changes: a failure is one plain line
    terminal = TerminalBuilder.builder().name("async-inspect").system(true).dumb(true).build();
    try {
      if (Terminal.TYPE_DUMB.equals(terminal.getType())
          || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
        throw new ParameterException(
            spec.commandLine(), "monitor needs a terminal (standard input and output are not one)");
      }
      run(source, intervalMillis);
    } finally {
      terminal.close();
    }
    return ExitCodes.OK;
  }

  private void run(MonitorSource source, long intervalMillis) throws IOException {
    Thread loop = Thread.currentThread();
    SignalHandler onInterrupt =
        signal -> {
          interrupted = true;
          loop.interrupt();
        };
    try (MonitorScreen screen = new MonitorScreen(terminal, onInterrupt, signal -> resized())) {
      display = new Display(terminal, true);
      resized();
      loop(source, intervalMillis);
    } finally {
      Thread.interrupted(); // a Ctrl-C must not leak into what runs after
    }
  }

  private void loop(MonitorSource source, long intervalMillis) throws IOException {
    NonBlockingReader reader = terminal.reader();
    BindingReader bindings = new BindingReader(reader);
    KeyMap<MonitorKey> keys = MonitorKeys.of(terminal);
    long nextFetch = System.currentTimeMillis() + intervalMillis;
    while (!interrupted) {
      long now = System.currentTimeMillis();
      if (now >= nextFetch) {
        nextFetch = now + intervalMillis;
        if (!state.paused) {
          fetch(source);
        }
        draw();
      }
      int c;
      try {
        c = bindings.peekCharacter(Math.max(1, nextFetch - System.currentTimeMillis()));
      } catch (IOError | RuntimeException e) {
        // JLine reports a read interrupted by Ctrl-C (our INT handler) as an unchecked error.
        if (interrupted) {
          return;
        }
        throw e;
      }
      if (c == NonBlockingReader.EOF) {
        return;
      }
      if (c == NonBlockingReader.READ_EXPIRED) {
        continue;
      }
      if (state.editing != null) {
        int typed = bindings.readCharacter();
        synchronized (this) {
          MonitorInput.type(state, typed);
        }
      } else {
        MonitorKey key = bindings.readBinding(keys, null, false);
        if (key != null && !handle(key, source)) {
          return;
        }
      }
      draw();
    }
  }

  /** Applies a key; false to quit. */
  private synchronized boolean handle(MonitorKey key, MonitorSource source) {
    switch (MonitorInput.apply(state, key, MonitorRows.of(snapshot, state))) {
      case QUIT -> {
        return false;
      }
      case WRITE_DUMP -> {
        try {
          state.message = "wrote " + source.writeDump();
        } catch (IOException e) {
          state.message = "no dump: " + CommandErrors.inputProblem(e);
        }
      }
      case REDRAW -> {}
    }
    return true;
  }

  private void fetch(MonitorSource source) {
    try {
      Dump fresh = source.snapshot();
      synchronized (this) {
        snapshot = fresh;
      }
    } catch (IOException e) {
      // The JVM may have exited: keep the last snapshot on the screen and say why it is old.
      synchronized (this) {
        state.message = CommandErrors.inputProblem(e) + " (q to quit)";
      }
    }
  }

  private synchronized void resized() {
    if (display == null) {
      return; // resized while the screen was being set up: the first draw comes next
    }
    Size size = terminal.getSize();
    display.clear();
    display.resize(rows(size), columns(size));
    draw();
  }

  private synchronized void draw() {
    Size size = terminal.getSize();
    display.update(view.render(snapshot, state, columns(size), rows(size)), 0);
  }

  private static int rows(Size size) {
    return size.getRows() > 0 ? size.getRows() : 24;
  }

  private static int columns(Size size) {
    return size.getColumns() > 0 ? size.getColumns() : 80;
  }
}
