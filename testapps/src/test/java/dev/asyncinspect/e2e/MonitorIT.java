package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.testapps.HangingService;
import dev.asyncinspect.testapps.StuckFuture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/async-inspect monitor <pid>} in a real terminal: tmux runs it against a hanging JVM
 * with the agent, the test reads the screen ({@code capture-pane}), presses keys ({@code
 * send-keys}), and checks after {@code q} that the terminal is as it was (normal screen, line
 * editing on). tmux runs on a server socket of its own, so that no tmux session of the user is
 * touched. The same for {@code monitor --replay} on a dump a test program wrote.
 */
class MonitorIT {
  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final long WAIT_MILLIS = 30_000;

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void monitorShowsTheBlockedTaskAndRestoresTheTerminal(Jdk jdk) throws Exception {
    requireTmux();
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    Path jar = root.resolve("cli/target/async-inspect-cli.jar");
    assertThat(jar).as("the async-inspect jar; build the cli module first").isRegularFile();
    Path dir = Path.of(System.getProperty("user.dir"), "target", "e2e", "Monitor", jdk.toString());
    try (LiveProgram app = LiveProgram.start(jdk, HangingService.class, "", dir)) {
      // A short path: a Unix socket's path is limited to about 100 bytes.
      Path sockets = Files.createTempDirectory("async-inspect-tmux");
      Tmux tmux = new Tmux(sockets.resolve("tmux").toString());
      try {
        // After the monitor: its exit code and whether the terminal has line editing again.
        String shell =
            "JAVA_HOME='"
                + jdk.home()
                + "' ASYNC_INSPECT_OPTS= '"
                + root.resolve("bin/async-inspect")
                + "' monitor "
                + app.pid()
                + "; echo \"exit=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-*icanon';"
                + " sleep 600";
        tmux.run("new-session", "-d", "-s", "monitor", "-x", "120", "-y", "30", shell);

        String table =
            tmux.awaitScreen(
                s -> s.contains("HangingService.handleRequest") && s.contains("BLOCKED"));
        assertThat(table)
            .contains("async-inspect monitor  pid " + app.pid(), "HangingService.awaitReply")
            .contains("HangingService.java:", "q quit  h help");

        tmux.run("send-keys", "-t", "monitor", "s"); // sort by id: #1 handleRequest first
        tmux.awaitScreen(s -> s.contains("s sort:id"));
        tmux.run("send-keys", "-t", "monitor", "Enter");
        String details = tmux.awaitScreen(s -> s.contains("wait chain:"));
        assertThat(details)
            .contains("#1 HangingService.handleRequest BLOCKED")
            .contains("waits on CompletableFuture@")
            .contains("to be completed by #2 HangingService.awaitReply SUSPENDED");

        tmux.run("send-keys", "-t", "monitor", "Escape");
        tmux.awaitScreen(s -> s.contains("    ID NAME"));
        tmux.run("send-keys", "-t", "monitor", "q");
        // The shell prints the exit code, then what stty says: wait for both, not just the first.
        String after =
            tmux.awaitScreen(
                s ->
                    s.contains("exit=")
                        && s.lines()
                            .map(String::strip)
                            .anyMatch(line -> line.equals("icanon") || line.equals("-icanon")));
        assertThat(after).contains("exit=0");
        // The alternate screen is gone (the table was only there) and the tty is cooked again.
        assertThat(after).doesNotContain("HangingService").doesNotContain("WARNING");
        assertThat(after.lines().map(String::strip)).contains("icanon").doesNotContain("-icanon");
      } finally {
        tmux.run("kill-server");
        Files.deleteIfExists(sockets.resolve("tmux"));
        Files.deleteIfExists(sockets);
      }
      assertThat(app.stderr()).doesNotContain("[async-inspect]");
    }
  }

  /**
   * {@code monitor --replay} on the dump StuckFuture's JVM wrote at exit: the last event is
   * loadProfile's join (BLOCKED at its line); one step back, loadProfile still runs and fetchUser
   * has just returned its future (SUSPENDED); one step forward again, BLOCKED.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void replayStepsThroughTheHistoryOfARealDump(Jdk jdk) throws Exception {
    requireTmux();
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    AgentRuns runs = AgentRuns.of(StuckFuture.class, jdk);
    Dump dump = runs.dump();
    Path file = runs.withAgent().dump();
    int events = dump.events().size();
    assertThat(dump.events())
        .as("the dump's history")
        .extracting(e -> dump.task(e.task()).orElseThrow().name() + " " + e.state())
        .endsWith("StuckFuture.fetchUser SUSPENDED", "StuckFuture.loadProfile BLOCKED");
    String join = location(StuckFuture.class, "await:join-user");
    Path sockets = Files.createTempDirectory("async-inspect-tmux");
    Tmux tmux = new Tmux(sockets.resolve("tmux").toString());
    try {
      String shell =
          "JAVA_HOME='"
              + jdk.home()
              + "' ASYNC_INSPECT_OPTS= '"
              + root.resolve("bin/async-inspect")
              + "' monitor --replay '"
              + file
              + "'; echo \"exit=$?\"; sleep 600";
      tmux.run("new-session", "-d", "-s", "monitor", "-x", "120", "-y", "30", shell);

      String first = tmux.awaitScreen(s -> s.contains("async-inspect replay  event 1 of "));
      assertThat(first).contains("event 1 of " + events, "Left Right step");

      tmux.run("send-keys", "-t", "monitor", "End");
      String last = tmux.awaitScreen(s -> s.contains("event " + events + " of " + events));
      assertThat(row(last, "StuckFuture.loadProfile")).contains("BLOCKED", join);
      assertThat(row(last, "StuckFuture.fetchUser")).contains("SUSPENDED");

      tmux.run("send-keys", "-t", "monitor", "Left");
      String before = tmux.awaitScreen(s -> s.contains("event " + (events - 1) + " of " + events));
      assertThat(row(before, "StuckFuture.loadProfile")).contains("RUNNING").doesNotContain(join);
      assertThat(row(before, "StuckFuture.fetchUser")).contains("SUSPENDED");

      tmux.run("send-keys", "-t", "monitor", "Right");
      String again = tmux.awaitScreen(s -> s.contains("event " + events + " of " + events));
      assertThat(row(again, "StuckFuture.loadProfile")).contains("BLOCKED", join);

      // The details at the last event: the wait chain and the history up to then.
      tmux.run("send-keys", "-t", "monitor", "s"); // by id: #1 loadProfile first
      tmux.awaitScreen(s -> s.contains("s sort:id"));
      tmux.run("send-keys", "-t", "monitor", "Enter");
      String details = tmux.awaitScreen(s -> s.contains("wait chain:"));
      assertThat(details)
          .contains("to be completed by #2 StuckFuture.fetchUser SUSPENDED")
          .contains("  BLOCKED at " + join);

      tmux.run("send-keys", "-t", "monitor", "q");
      assertThat(tmux.awaitScreen(s -> s.contains("exit="))).contains("exit=0");
    } finally {
      tmux.run("kill-server");
      Files.deleteIfExists(sockets.resolve("tmux"));
      Files.deleteIfExists(sockets);
    }
  }

  /** The table row of the task with that name on a screen. */
  private static String row(String screen, String name) {
    return screen
        .lines()
        .filter(line -> line.contains(" " + name + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row of " + name + " on:\n" + screen));
  }

  private static void requireTmux() throws InterruptedException {
    try {
      Process version = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      assertThat(version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0)
          .as("tmux -V")
          .isTrue();
    } catch (IOException e) {
      throw new AssertionError(
          "tmux is not installed: this test drives the monitor in a real terminal through tmux;"
              + " install it (apt-get install -y tmux, brew install tmux)",
          e);
    }
  }

  /** One tmux server of our own, driven through its command line. */
  private record Tmux(String socket) {
    String run(String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of("tmux", "-S", socket, "-f", "/dev/null"));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(10, TimeUnit.SECONDS);
      return out;
    }

    /** The screen once it satisfies {@code ready}; fails with the last screen after 30 s. */
    String awaitScreen(Predicate<String> ready) throws IOException, InterruptedException {
      long deadline = System.currentTimeMillis() + WAIT_MILLIS;
      String screen = "";
      while (System.currentTimeMillis() < deadline) {
        screen = run("capture-pane", "-p", "-t", "monitor");
        if (ready.test(screen)) {
          return screen;
        }
        Thread.sleep(200);
      }
      throw new AssertionError("the screen did not show what was expected; it shows:\n" + screen);
    }
  }
}
