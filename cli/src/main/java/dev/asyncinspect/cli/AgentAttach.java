package dev.asyncinspect.cli;

import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads the agent into a running JVM of this user through the Attach API, then waits for its
 * control channel to open. Explains the usual reasons it cannot: no such process, another user's
 * process, a JVM that refuses attach.
 */
final class AgentAttach {
  private static final long CHANNEL_WAIT_MILLIS = 15_000;

  static void load(long pid, PrintWriter err) throws JvmAccessException {
    ProcessHandle process =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .orElseThrow(() -> new JvmAccessException("no process " + pid));
    Optional<String> owner = process.info().user();
    String me = System.getProperty("user.name");
    if (owner.isPresent() && !owner.get().equals(me)) {
      throw new JvmAccessException(
          "process "
              + pid
              + " belongs to "
              + owner.get()
              + "; only your own JVMs can be inspected");
    }
    if (VirtualMachine.list().stream().noneMatch(vm -> vm.id().equals(Long.toString(pid)))) {
      // Attaching signals the process (SIGQUIT); a process that is not a JVM could die of it.
      throw new JvmAccessException(
          "process "
              + pid
              + " is not a Java VM that can be attached to (not a JVM, another user's, or started"
              + " with -XX:-UsePerfData)");
    }
    Path agentJar = agentJar();
    err.println("async-inspect: loading the agent into JVM " + pid + " (it had none)");
    err.flush();
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      try {
        vm.loadAgent(agentJar.toString(), "control=true");
      } finally {
        vm.detach();
      }
    } catch (java.io.IOException e) {
      throw new JvmAccessException("could not attach to JVM " + pid + ": " + e.getMessage(), e);
    } catch (AttachNotSupportedException e) {
      throw new JvmAccessException(
          "process "
              + pid
              + " refuses attach (not a JVM, or started with"
              + " -XX:+DisableAttachMechanism): "
              + e.getMessage(),
          e);
    } catch (AgentLoadException e) {
      throw new JvmAccessException(
          "JVM " + pid + " could not load the agent: " + e.getMessage(), e);
    } catch (com.sun.tools.attach.AgentInitializationException e) {
      throw new JvmAccessException(
          "the agent failed to start in JVM " + pid + " (see that JVM's stderr): " + e.getMessage(),
          e);
    }
    waitForChannel(pid);
  }

  private static void waitForChannel(long pid) throws JvmAccessException {
    long deadline = System.nanoTime() + CHANNEL_WAIT_MILLIS * 1_000_000;
    while (!Files.exists(ControlSockets.socketOf(pid))) {
      if (System.nanoTime() > deadline) {
        throw new JvmAccessException(
            "the agent was loaded into JVM "
                + pid
                + " but its control channel did not open (see that JVM's stderr)");
      }
      try {
        Thread.sleep(20); // polling a file the other JVM creates; bounded by the deadline above
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JvmAccessException("interrupted while waiting for JVM " + pid);
      }
    }
  }

  /**
   * The agent jar: the system property {@code asyncinspect.agentJar} (the launcher sets it), else
   * where a checkout builds it, next to this command line's jar.
   */
  static Path agentJar() throws JvmAccessException {
    String property = System.getProperty("asyncinspect.agentJar");
    Path jar;
    if (property != null && !property.isBlank()) {
      jar = Path.of(property);
    } else {
      try {
        Path self =
            Path.of(AgentAttach.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        jar = self.getParent().resolve("../../agent/target/async-inspect-agent.jar").normalize();
      } catch (java.net.URISyntaxException e) {
        throw new JvmAccessException("cannot locate the agent jar: " + e.getMessage(), e);
      }
    }
    if (!Files.isRegularFile(jar)) {
      throw new JvmAccessException(
          "the agent jar " + jar + " is missing (build it, or set -Dasyncinspect.agentJar=PATH)");
    }
    return jar;
  }

  private AgentAttach() {}
}
