package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test program run on one JDK twice, without and with the agent, and the dump the agent wrote.
 * Each program runs once per JDK however many tests look at the runs.
 *
 * <p>The runs' output and dump stay in {@code target/e2e/<program>/<jdk>/} (system property {@value
 * #WORK_DIR}) for a look after a failure.
 */
final class AgentRuns {

  static final String WORK_DIR = "asyncinspect.e2e.workDir";

  /** Each program's runs per JDK, or the failure that stopped them, so that it is not repeated. */
  private static final Map<String, Object> RUNS = new ConcurrentHashMap<>();

  private final ProgramRun withoutAgent;
  private final ProgramRun withAgent;
  private Dump dump;

  private AgentRuns(ProgramRun withoutAgent, ProgramRun withAgent) {
    this.withoutAgent = withoutAgent;
    this.withAgent = withAgent;
  }

  static AgentRuns of(Class<?> program, Jdk jdk) {
    return of(program, jdk, "");
  }

  /** Runs with agent options beyond {@code dump=}; {@code moreOptions} starts with a comma. */
  static AgentRuns of(Class<?> program, Jdk jdk, String moreOptions) {
    Object runs =
        RUNS.computeIfAbsent(
            program.getName() + " " + jdk.home() + moreOptions,
            key -> run(program, jdk, moreOptions));
    if (runs instanceof Error failure) {
      throw failure;
    }
    return (AgentRuns) runs;
  }

  private static Object run(Class<?> program, Jdk jdk, String moreOptions) {
    try {
      // Checked before anything runs, so that a missing agent fails at once.
      ForkedProgram.agentJar();
      Path dir = workDir().resolve(program.getSimpleName()).resolve(jdk.toString());
      ForkedProgram forked = new ForkedProgram(jdk, program);
      return new AgentRuns(
          forked.runWithoutAgent(dir.resolve("plain")),
          forked.runWithAgent(dir.resolve("agent"), moreOptions));
    } catch (AssertionError e) {
      return e;
    }
  }

  ProgramRun withoutAgent() {
    return withoutAgent;
  }

  ProgramRun withAgent() {
    return withAgent;
  }

  /**
   * Asserts that the agent did not change what the program does: same exit code, same stdout, and
   * nothing from the agent on stderr.
   */
  void assertAgentChangesNothing() {
    assertThat(withAgent.exitCode())
        .as("exit code with the agent\n%s", withAgent.describe())
        .isEqualTo(withoutAgent.exitCode());
    assertThat(withAgent.stdout())
        .as("stdout with the agent\n%s", withAgent.describe())
        .isEqualTo(withoutAgent.stdout());
    assertThat(withAgent.stderr().lines())
        .as("agent messages on stderr\n%s", withAgent.describe())
        .noneMatch(line -> line.contains("[async-inspect]"));
  }

  /** The dump the agent wrote when the program's JVM exited. */
  synchronized Dump dump() {
    if (dump == null) {
      Path file = withAgent.dump();
      assertThat(file).as("the agent's dump\n%s", withAgent.describe()).isRegularFile();
      try {
        dump = DumpReader.read(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dump;
  }

  private static Path workDir() {
    String property = System.getProperty(WORK_DIR);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    return Path.of(System.getProperty("user.dir"), "target", "e2e");
  }
}
