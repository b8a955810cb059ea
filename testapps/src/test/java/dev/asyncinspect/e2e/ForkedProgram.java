package dev.asyncinspect.e2e;

import dev.asyncinspect.annotations.Trace;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a test program's {@code main} in a forked {@code java} process of a given JDK, with or
 * without the agent, and captures what it prints.
 *
 * <p>The class path is the program's own classes plus the annotations; the agent jar comes from the
 * system property {@value #AGENT_JAR}. A run that has not ended after 120 seconds (or the system
 * property {@code asyncinspect.e2e.timeoutSeconds}) is killed and fails with its output and its
 * threads' stacks, so that a hang caused by the agent shows where it hangs.
 */
final class ForkedProgram {

  static final String AGENT_JAR = "asyncinspect.agentJar";
  static final long TIMEOUT_SECONDS = Long.getLong("asyncinspect.e2e.timeoutSeconds", 120);

  private final Jdk jdk;
  private final Class<?> program;
  private final String shellSetUp;
  private final List<Class<?>> libraries;

  ForkedProgram(Jdk jdk, Class<?> program) {
    this(jdk, program, null, List.of());
  }

  private ForkedProgram(Jdk jdk, Class<?> program, String shellSetUp, List<Class<?>> libraries) {
    this.jdk = jdk;
    this.program = program;
    this.shellSetUp = shellSetUp;
    this.libraries = libraries;
  }

  /**
   * The same program started by {@code bash -c} after {@code shellSetUp}, for limits only a shell
   * sets: {@code ulimit -f 4} makes every write past 4 KiB fail as on a full disk.
   */
  ForkedProgram afterShell(String shellSetUp) {
    return new ForkedProgram(jdk, program, shellSetUp, libraries);
  }

  /** The same program with the jars or folders of these classes on its class path too. */
  ForkedProgram withLibraries(Class<?>... classes) {
    List<Class<?>> all = new ArrayList<>(libraries);
    all.addAll(List.of(classes));
    return new ForkedProgram(jdk, program, shellSetUp, List.copyOf(all));
  }

  ProgramRun runWithoutAgent(Path dir) {
    return run(dir, null);
  }

  /** Runs with {@code -javaagent:<agent jar>=dump=<dir>/x.aidump.jsonl}. */
  ProgramRun runWithAgent(Path dir) {
    return runWithAgent(dir, "");
  }

  /**
   * Runs with {@code -javaagent:<agent jar>=dump=<dir>/x.aidump.jsonl<moreOptions>}; {@code
   * moreOptions} starts with a comma when not empty.
   */
  ProgramRun runWithAgent(Path dir, String moreOptions) {
    Path dump = dir.resolve("x.aidump.jsonl");
    return run(dir, dump, "dump=" + dump + moreOptions);
  }

  /** Runs with {@code -javaagent:<agent jar>=<agentOptions>}, expecting no dump. */
  ProgramRun runWithAgentOptions(Path dir, String agentOptions) {
    return run(dir, null, agentOptions);
  }

  private ProgramRun run(Path dir, Path dump) {
    return run(dir, dump, null);
  }

  private ProgramRun run(Path dir, Path dump, String agentOptions) {
    String what =
        program.getSimpleName() + " on " + jdk + (agentOptions == null ? "" : " with the agent");
    List<String> command = command(agentOptions);
    try {
      recreate(dir);
      Path stdout = dir.resolve("stdout.txt");
      Path stderr = dir.resolve("stderr.txt");
      Process process = start(command, dir, stdout, stderr);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        String threads = threadDump(process.pid());
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        ProgramRun killed =
            new ProgramRun(
                what + " (killed after " + TIMEOUT_SECONDS + " s)",
                -1,
                read(stdout),
                read(stderr),
                dump);
        throw new AssertionError(
            killed.describe()
                + "\n--- threads before the kill ---\n"
                + threads
                + "\ncommand: "
                + String.join(" ", command));
      }
      return new ProgramRun(what, process.exitValue(), read(stdout), read(stderr), dump);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + what, e);
    }
  }

  /**
   * Starts the program with {@code -javaagent:<agent jar>=<agentOptions>} and returns at once; its
   * output goes to {@code stdout} and {@code stderr}, its working directory is {@code dir}.
   */
  Process startWithAgentOptions(Path dir, String agentOptions, Path stdout, Path stderr)
      throws IOException {
    return start(command(agentOptions), dir, stdout, stderr);
  }

  private static Process start(List<String> command, Path dir, Path stdout, Path stderr)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    // Options from the environment would change what the JVM prints on stderr.
    builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  private List<String> command(String agentOptions) {
    List<String> command = new ArrayList<>();
    if (shellSetUp != null) {
      command.addAll(List.of("bash", "-c", shellSetUp + "; exec \"$@\"", "bash"));
    }
    command.add(jdk.java().toString());
    // Every class, woven or not, goes through the verifier.
    command.add("-Xverify:all");
    if (agentOptions != null) {
      command.add("-javaagent:" + agentJar() + "=" + agentOptions);
    }
    command.add("-cp");
    StringBuilder classPath =
        new StringBuilder().append(codeSource(program)).append(File.pathSeparator);
    classPath.append(codeSource(Trace.class));
    for (Class<?> library : libraries) {
      classPath.append(File.pathSeparator).append(codeSource(library));
    }
    command.add(classPath.toString());
    command.add(program.getName());
    return command;
  }

  private String threadDump(long pid) {
    try {
      Process jcmd =
          new ProcessBuilder(jdk.jcmd().toString(), Long.toString(pid), "Thread.print")
              .redirectErrorStream(true)
              .start();
      jcmd.getOutputStream().close();
      byte[] output = jcmd.getInputStream().readAllBytes();
      jcmd.waitFor(20, TimeUnit.SECONDS);
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no thread dump: " + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(no thread dump: interrupted)";
    }
  }

  static Path agentJar() {
    String property = System.getProperty(AGENT_JAR);
    if (property == null || property.isBlank()) {
      throw new AssertionError(
          "The system property " + AGENT_JAR + " (the agent jar) is not set; run with mvn verify");
    }
    Path jar = Path.of(property).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          "The agent jar " + jar + " does not exist: build the agent module first");
    }
    return jar;
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + type, e);
    }
  }

  private static void recreate(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
