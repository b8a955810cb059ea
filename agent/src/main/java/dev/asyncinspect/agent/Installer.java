package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AgentLog;
import dev.asyncinspect.agent.bootstrap.CompletionCallbacks;
import dev.asyncinspect.agent.bootstrap.ControlChannel;
import dev.asyncinspect.agent.bootstrap.DumpSchedule;
import dev.asyncinspect.agent.bootstrap.DumpWriter;
import dev.asyncinspect.agent.bootstrap.PinnedWatch;
import dev.asyncinspect.agent.bootstrap.Recorder;
import dev.asyncinspect.agent.bootstrap.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** Sets the agent up once per JVM: options, recorder, weaving, dump schedule. */
public final class Installer {
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final long CHANNEL_OPEN_WAIT_MILLIS = 10_000;

  /** Installs the agent at JVM start with option string {@code args}. */
  public static void install(String args, Instrumentation instrumentation) {
    install(args, instrumentation, false);
  }

  /**
   * Installs the agent with option string {@code args}; a second call only warns. Attached to a
   * running JVM, it also weaves the classes already loaded that it would have woven at load time.
   */
  public static void install(String args, Instrumentation instrumentation, boolean attached) {
    if (!INSTALLED.compareAndSet(false, true)) {
      AgentLog.warn("agent already installed in this JVM; ignoring the second start");
      return;
    }
    AgentOptions options = AgentOptions.parse(args);
    for (String problem : options.problems) {
      AgentLog.warn(problem);
    }
    if (Runtime.version().feature() >= 21) {
      // The JDK's per-carrier thread locals, so that virtual threads record into the stripe of
      // their carrier; before the recorder exists. Without them: stripes in turn, as exact.
      grantToRunTime(
          instrumentation,
          "jdk.internal.misc",
          false,
          "virtual threads will not record per carrier");
    }
    Registry registry = new Registry();
    Recorder recorder = new Recorder(registry, options.recorderSettings());
    Recorder.activate(recorder);
    // CompletableFuture's pending completions, read at dump time to find what a derived future
    // waits for, and where the agent's own completion node goes. Without them, dumps just do not
    // know derived futures' sources, and pending futures get whenComplete callbacks.
    if (grantToRunTime(
        instrumentation, "java.util.concurrent", true, "derived futures will show no sources")) {
      offerCompletionNode();
    }
    if (options.pinning.equals("off")) {
      PinnedWatch.disable();
    } else if (options.pinning.equals("on")) {
      PinnedWatch.start();
    }
    instrumentation.addTransformer(
        new TracePrefilter(new TraceWeaving(registry, options.trace), options.trace), true);
    if (attached) {
      LoadedClasses.retransform(instrumentation, options.trace);
    }
    DumpWriter writer = new DumpWriter(recorder, version(), options.given());
    if (options.dump != null) {
      scheduleDumps(options, writer);
    }
    if (options.control) {
      ControlChannel channel =
          ControlChannel.start(writer, recorder, version(), options.stuckMillis);
      if (attached) {
        // Attached (by `dump <pid>`, which connects right after): no application start to
        // protect, so return once the channel is open, as the attaching tool expects.
        channel.awaitOpen(CHANNEL_OPEN_WAIT_MILLIS);
      }
    }
    if (options.watchdog) {
      Path stuckDump = stuckDumpPath(options.dump);
      StuckWatchdog.start(
          recorder, new DumpSchedule(writer, stuckDump), stuckDump, options.stuckMillis);
    }
  }

  /**
   * Where the watchdog writes its dump: beside the {@code dump=} file ({@code app.aidump.jsonl}
   * gives {@code app.stuck.aidump.jsonl}), else {@code async-inspect-PID.stuck.aidump.jsonl} in the
   * working directory.
   */
  static Path stuckDumpPath(String dump) {
    if (dump == null) {
      return Path.of("async-inspect-" + ProcessHandle.current().pid() + ".stuck.aidump.jsonl")
          .toAbsolutePath();
    }
    Path path = Path.of(dump).toAbsolutePath();
    String name = path.getFileName().toString().replaceFirst("\\.gz$", "");
    String base =
        name.endsWith(".aidump.jsonl")
            ? name.substring(0, name.length() - ".aidump.jsonl".length())
            : name;
    return path.resolveSibling(base + ".stuck.aidump.jsonl");
  }

  /**
   * Exports ({@code open} false) or opens a package of {@code java.base} to the run-time package's
   * module (the boot loader's unnamed module); when the JVM refuses, one line says what the agent
   * goes without.
   */
  private static boolean grantToRunTime(
      Instrumentation instrumentation, String pkg, boolean open, String without) {
    Map<String, Set<Module>> grant = Map.of(pkg, Set.of(Recorder.class.getModule()));
    try {
      instrumentation.redefineModule(
          Object.class.getModule(),
          Set.of(),
          open ? Map.of() : grant,
          open ? grant : Map.of(),
          Set.of(),
          Map.of());
      return true;
    } catch (RuntimeException e) {
      AgentLog.warn(without + ": " + e);
      return false;
    }
  }

  /**
   * Offers the completion node for pending futures ({@link CompletionCallbacks}), installed when
   * first needed; when it cannot be, one line says so and futures get {@code whenComplete}
   * callbacks, 32 bytes dearer each.
   */
  private static void offerCompletionNode() {
    byte[] node = BootstrapInjector.completionNode();
    if (node == null) { // not started from the agent's jar (tests): from the class path
      try (InputStream in =
          Installer.class.getResourceAsStream("/" + BootstrapInjector.COMPLETION_NODE_PATH)) {
        node = in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        node = null;
      }
    }
    if (node == null) {
      AgentLog.warn(
          "pending futures will cost 32 bytes more each: the agent has no "
              + BootstrapInjector.COMPLETION_NODE_PATH);
    } else {
      CompletionCallbacks.offer(node);
    }
  }

  private static void scheduleDumps(AgentOptions options, DumpWriter writer) {
    Path path;
    try {
      path = Path.of(options.dump).toAbsolutePath();
    } catch (InvalidPathException e) {
      AgentLog.warn("option dump=" + options.dump + " ignored: not a valid path");
      return;
    }
    Path dir = path.getParent();
    if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
      AgentLog.warn("dump folder " + dir + " is not a folder; dumps will fail until it is");
    } else if (dir == null || !Files.isDirectory(dir)) {
      AgentLog.warn("dump folder " + dir + " does not exist; dumps will fail until it does");
    } else if (!Files.isWritable(dir)) {
      AgentLog.warn("dump folder " + dir + " is not writable; dumps will fail until it is");
    }
    DumpSchedule schedule = new DumpSchedule(writer, path);
    schedule.onExit();
    if (options.dumpIntervalMillis > 0) {
      schedule.every(options.dumpIntervalMillis);
    }
  }

  static String version() {
    String version = Installer.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }

  private Installer() {}
}
