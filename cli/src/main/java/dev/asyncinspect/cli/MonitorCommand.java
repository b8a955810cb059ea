package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.io.IOError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
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
    description = {
      "Watch the live tasks of a running JVM that runs the agent (keys: h for help).",
      "With --replay, the same view of a dump's recorded event history, stepped through or played."
    },
    mixinStandardHelpOptions = true)
final class MonitorCommand implements Callable<Integer> {
  /** How often a replay that plays moves on and redraws. */
  private static final long REPLAY_TICK_MILLIS = 100;

  private static final long DEFAULT_STUCK_NANOS = 10_000_000_000L;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PID",
      description = "The JVM's process id (not with --replay).")
  Long pid;

  @Option(
      names = "--replay",
      paramLabel = "DUMP",
      description =
          "Replay a dump's event history instead of watching a JVM: the tasks as they were at each"
              + " recorded state change, stepped back and forth (Left, Right) or played (p).")
  Path replayFile;

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
  private ReplayHistory history;
  private volatile boolean interrupted;

  @Override
  public Integer call() throws IOException {
    long intervalMillis;
    try {
      intervalMillis = Math.max(100, Durations.parseNanos(interval) / 1_000_000);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--interval: " + e.getMessage());
    }
    if (pid != null && replayFile != null) {
      throw new ParameterException(
          spec.commandLine(), "give either a PID or --replay DUMP, not both");
    }
    if (pid == null && replayFile == null) {
      throw new ParameterException(
          spec.commandLine(), "give the PID of a JVM to watch, or --replay DUMP");
    }
    MonitorSource source = null;
    // Before the screen changes: a failure is one plain line.
    if (replayFile != null) {
      history = ReplayHistory.of(DumpFiles.read(replayFile, spec.commandLine().getErr()));
      state.replay = new ReplayCursor(history);
      view = new MonitorView(stuckThreshold(history.dump()));
      intervalMillis = REPLAY_TICK_MILLIS;
    } else {
      source = MonitorSource.of(pid);
      view = new MonitorView(source.stuckThresholdNanos());
      snapshot = source.snapshot();
    }
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
    long lastTick = System.nanoTime();
    while (!interrupted) {
      long now = System.currentTimeMillis();
      if (now >= nextFetch) {
        nextFetch = now + intervalMillis;
        if (state.replay != null) {
          long tick = System.nanoTime();
          boolean moved;
          synchronized (this) {
            moved = state.replay.advance(tick - lastTick);
          }
          lastTick = tick;
          if (!moved) {
            continue; // nothing changes on the screen of a replay that does not play
          }
        } else if (!state.paused) {
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
    List<TaskInfo> rows;
    if (state.replay != null) {
      ReplayFrame frame = state.replay.frame();
      rows = MonitorRows.of(frame.dump(), frame.unknown(), state);
    } else {
      rows = MonitorRows.of(snapshot, state);
    }
    switch (MonitorInput.apply(state, key, rows)) {
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
    List<AttributedString> lines =
        state.replay != null
            ? view.render(state.replay.frame(), history, state, columns(size), rows(size))
            : view.render(snapshot, state, columns(size), rows(size));
    display.update(lines, 0);
  }

  /**
   * The stuck threshold the agent that wrote the dump used: its option {@code stuck} when the agent
   * took it (a duration of 100 ms or more), else its default, 10 s.
   */
  static long stuckThreshold(Dump dump) {
    String option = dump.header().options().get("stuck");
    if (option != null) {
      try {
        long nanos = Durations.parseNanos(option);
        if (nanos >= 100_000_000L) {
          return nanos;
        }
      } catch (IllegalArgumentException e) {
        // Not a duration this CLI reads (the agent's own syntax may differ): the default.
      }
    }
    return DEFAULT_STUCK_NANOS;
  }

  private static int rows(Size size) {
    return size.getRows() > 0 ? size.getRows() : 24;
  }

  private static int columns(Size size) {
    return size.getColumns() > 0 ? size.getColumns() : 80;
  }
}
