package dev.asyncinspect.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code async-inspect dump <pid>}: a dump from a running JVM, through its control channel. A JVM
 * without the agent gets it loaded first, through the Attach API.
 */
@Command(
    name = "dump",
    description = {
      "Write a dump of a running JVM of this user.",
      "If the JVM does not run the agent, the agent is loaded into it first (Attach API): from"
          + " then on its @Trace methods are traced; the first dump shows every thread's stack."
    },
    mixinStandardHelpOptions = true)
final class DumpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PID", description = "The JVM's process id.")
  long pid;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write the dump (default: async-inspect-PID.aidump.jsonl here).")
  Path output;

  @Override
  public Integer call() throws IOException {
    Path target = output != null ? output : Path.of("async-inspect-" + pid + ".aidump.jsonl");
    boolean running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    if (!running || !Files.exists(ControlSockets.socketOf(pid))) {
      // A socket whose JVM is gone was left by a killed process: attach explains what is there.
      AgentAttach.load(pid, spec.commandLine().getErr());
    }
    AtomicFile.write(target, out -> ControlSockets.request(pid, "DUMP", out));
    spec.commandLine().getOut().println("wrote " + target);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
