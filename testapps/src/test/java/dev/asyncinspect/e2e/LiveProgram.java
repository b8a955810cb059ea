package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.agent.bootstrap.ControlDirectory;
import dev.asyncinspect.annotations.Trace;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test program left running in a forked JVM, for the live tools: started, waited for until it
 * prints {@code ready}, and killed when the test is done.
 */
final class LiveProgram implements AutoCloseable {
  private final Process process;
  private final Path stderr;

  private LiveProgram(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
  }

  /**
   * Starts {@code program} on {@code jdk}, with the agent when {@code agentOptions} is not null.
   */
  static LiveProgram start(Jdk jdk, Class<?> program, String agentOptions, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>();
    command.add(jdk.java().toString());
    if (agentOptions != null) {
      command.add("-javaagent:" + ForkedProgram.agentJar() + "=" + agentOptions);
    }
    command.add("-cp");
    command.add(codeSource(program) + File.pathSeparator + codeSource(Trace.class));
    command.add(program.getName());
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
    Process process = builder.start();
    LiveProgram live = new LiveProgram(process, stderr);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine(); // blocks until the program says it is ready, or dies
    assertThat(first).as("first line of %s; stderr: %s", program, live.stderr()).isEqualTo("ready");
    if (agentOptions != null && !agentOptions.contains("control=false")) {
      live.awaitControlChannel();
    }
    return live;
  }

  /** Writes {@code line} and a newline to the program's stdin. */
  void send(String line) throws IOException {
    java.io.OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /**
   * The agent opens its control channel on a thread of its own, a few milliseconds after the JVM
   * started (docs/control-channel.md): a program can be ready before its socket is. Waits for the
   * socket, up to a generous limit, so that the live tools find it.
   */
  private void awaitControlChannel() throws IOException, InterruptedException {
    Path socket = ControlDirectory.path().resolve(process.pid() + ".sock");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(socket)) {
      assertThat(System.nanoTime() < deadline && process.isAlive())
          .as("control socket %s; stderr: %s", socket, stderr())
          .isTrue();
      Thread.sleep(10); // polling a file the other JVM creates; bounded by the deadline above
    }
  }

  long pid() {
    return process.pid();
  }

  String stderr() throws IOException {
    return Files.exists(stderr) ? Files.readString(stderr) : "";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
