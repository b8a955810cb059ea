package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.testapps.PinnedVirtualThread;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A virtual thread pinned while running traced code: the dump attributes the pin to the task. The
 * agent runs with {@code pinning=on}, which starts the watch with the agent, so that a pin this
 * early in the program is seen (by default the watch starts in the background when the first
 * virtual thread runs traced code, and may miss pins in its first moments).
 */
class PinnedVirtualThreadIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease21";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void runsTheSameWithTheAgent(Jdk jdk) {
    AgentRuns runs = AgentRuns.of(PinnedVirtualThread.class, jdk, ",pinning=on");
    assertThat(runs.withoutAgent().exitCode()).as(runs.withoutAgent().describe()).isZero();
    assertThat(runs.withoutAgent().stdout()).isEqualTo("looked up 2 items\n");
    runs.assertAgentChangesNothing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void pinIsAttributedToTheTracedTaskAndItsLine(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(PinnedVirtualThread.class, jdk, ",pinning=on");
    Dump dump = runs.dump();
    TaskInfo lookup = onlyTask(dump, "PinnedVirtualThread.lookup");
    List<JsonNode> pins = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(runs.withAgent().dump())) {
      JsonNode record = json.readTree(line);
      if (record.path("type").asText().equals("pinned")) {
        pins.add(record);
      }
    }
    assertThat(pins).as(runs.withAgent().describe()).hasSize(1);
    JsonNode pin = pins.get(0);
    assertThat(pin.path("task").asLong()).isEqualTo(lookup.id());
    assertThat(pin.path("thread").asLong()).isEqualTo(lookup.startThread());
    assertThat(pin.path("duration").asLong()).isGreaterThanOrEqualTo(20_000_000L);
    int line = Integer.parseInt(location(PinnedVirtualThread.class, "pin:catalog").split(":")[1]);
    boolean framed = false;
    for (JsonNode frame : pin.path("stack")) {
      framed |=
          frame.path("class").asText().equals(PinnedVirtualThread.class.getName())
              && frame.path("method").asText().equals("lookup")
              && frame.path("line").asInt() == line;
    }
    assertThat(framed).as("a frame at lookup:%d in %s", line, pin).isTrue();
  }
}
