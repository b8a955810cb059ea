package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.cli.Main;
import dev.asyncinspect.testapps.PinnedVirtualThread;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A virtual thread pinned while running traced code: a dump of the running JVM attributes the pin
 * to the task and its line. JFR delivers the event about a second after the pin, so the test asks
 * for dumps until it is there. The agent runs with {@code pinning=on}, which starts the watch with
 * the agent, so that a pin this early in the program is seen (by default the watch starts in the
 * background when the first virtual thread runs traced code, and may miss pins in its first
 * moments).
 */
class PinnedVirtualThreadIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease21";
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void pinIsAttributedToTheTracedTaskAndItsLine(Jdk jdk) throws Exception {
    Path dir = Path.of(System.getProperty("user.dir"), "target", "e2e", "Pinned", jdk.toString());
    try (LiveProgram app = LiveProgram.start(jdk, PinnedVirtualThread.class, "pinning=on", dir)) {
      Path file = dir.resolve("live.aidump.jsonl");
      List<JsonNode> pins = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (pins.isEmpty()) {
        assertThat(System.nanoTime()).as("a pinned record within 30 s").isLessThan(deadline);
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("dump", Long.toString(app.pid()), "-o", file.toString())).isZero();
        for (String line : Files.readAllLines(file)) {
          JsonNode record = JSON.readTree(line);
          if (record.path("type").asText().equals("pinned")) {
            pins.add(record);
          }
        }
        Thread.sleep(100); // JFR flushes events once a second; polling for them, bounded above
      }
      Dump dump = DumpReader.read(file);
      TaskInfo lookup = dump.tasksNamed("PinnedVirtualThread.lookup").get(0);
      assertThat(pins).hasSize(1);
      JsonNode pin = pins.get(0);
      assertThat(pin.path("task").asLong()).isEqualTo(lookup.id());
      assertThat(pin.path("thread").asLong()).isEqualTo(lookup.startThread());
      assertThat(pin.path("duration").asLong()).isGreaterThanOrEqualTo(20_000_000L);
      int line = Integer.parseInt(location(PinnedVirtualThread.class, "pin:catalog").split(":")[1]);
      assertThat(pin.path("stack"))
          .anySatisfy(
              frame -> {
                assertThat(frame.path("class").asText())
                    .isEqualTo(PinnedVirtualThread.class.getName());
                assertThat(frame.path("method").asText()).isEqualTo("lookup");
                assertThat(frame.path("line").asInt()).isEqualTo(line);
              });
      assertThat(app.stderr()).doesNotContain("[async-inspect]");

      // analyze lists it as a lint, which is no finding.
      StringWriter out = new StringWriter();
      CommandLine analyze = Main.commandLine();
      analyze.setOut(new PrintWriter(out));
      analyze.setErr(new PrintWriter(new StringWriter()));
      assertThat(analyze.execute("analyze", "--show-lints", file.toString())).isZero();
      assertThat(out.toString())
          .contains("PINNED  1 block of a virtual thread pinned to its carrier")
          .contains("#" + lookup.id() + " PinnedVirtualThread.lookup  pinned ")
          .contains("at " + location(PinnedVirtualThread.class, "pin:catalog") + " in");
    }
  }
}
