package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncinspect.testapps.HangingService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The control channel answers its own user only: the same client, run as the JVM's user and as
 * another one ({@code nobody}, through {@code setpriv}), gets an answer and a refusal. Needs root
 * to switch users; elsewhere the test is skipped.
 */
class ControlAccessIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final List<String> AS_NOBODY =
      List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void onlyTheSameUserGetsAnAnswer(Jdk jdk) throws Exception {
    assumeTrue(canSwitchUser(), "switching to user nobody needs root and setpriv");
    Path dir =
        Path.of(System.getProperty("user.dir"), "target", "e2e", "ControlAccess", jdk.toString());
    try (LiveProgram app = LiveProgram.start(jdk, HangingService.class, "", dir)) {
      Path socket = socketOf(app.pid());
      List<String> client =
          List.of(
              jdk.java().toString(),
              "-cp",
              Path.of(
                      ControlClient.class
                          .getProtectionDomain()
                          .getCodeSource()
                          .getLocation()
                          .toURI())
                  .toString(),
              ControlClient.class.getName(),
              socket.toString());

      String own = run(client);
      assertThat(own).as("answer to the JVM's own user").contains("\"pid\":" + app.pid());

      List<String> other = new ArrayList<>(AS_NOBODY);
      other.addAll(client);
      String refused = run(other);
      assertThat(refused)
          .as("answer to another user")
          .startsWith("refused: ")
          .doesNotContain("pid");
    }
  }

  /** The socket of the JVM {@code pid}, in the per-user folder the agent uses by default. */
  private static Path socketOf(long pid) throws InterruptedException {
    List<Path> folders = new ArrayList<>();
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank()) {
      folders.add(Path.of(runtime, "async-inspect"));
    }
    folders.add(Path.of("/tmp", "async-inspect-" + System.getProperty("user.name")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (Path folder : folders) {
        Path socket = folder.resolve(pid + ".sock");
        if (Files.exists(socket)) {
          return socket;
        }
      }
      Thread.sleep(20); // the channel opens while the program starts; bounded above
    }
    throw new AssertionError("no control socket of " + pid + " in " + folders);
  }

  private static boolean canSwitchUser() throws InterruptedException {
    try {
      List<String> check = new ArrayList<>(AS_NOBODY);
      check.add("true");
      Process process = new ProcessBuilder(check).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
    return output;
  }
}
