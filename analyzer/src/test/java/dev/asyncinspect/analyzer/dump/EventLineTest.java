package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path for event lines decodes what the general path decodes, and nothing else. */
class EventLineTest {
  @TempDir Path dir;

  private static EventInfo parse(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    EventLine parser = new EventLine();
    return parser.parse(bytes, bytes.length) ? parser.event() : null;
  }

  @Test
  void theAgentsShape() {
    assertThat(parse("{\"type\":\"event\",\"seq\":12,\"t\":3456,\"task\":7,\"state\":\"RUNNING\"}"))
        .isEqualTo(new EventInfo(12, 3456, 7, TaskState.RUNNING, null));
    assertThat(
            parse(
                "{\"type\":\"event\",\"seq\":0,\"t\":-5,\"task\":123456789012345678,"
                    + "\"state\":\"BLOCKED\",\"point\":2147483647}"))
        .isEqualTo(new EventInfo(0, -5, 123456789012345678L, TaskState.BLOCKED, Integer.MAX_VALUE));
    for (TaskState state : TaskState.values()) {
      assertThat(
              parse(
                  "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"" + state + "\"}"))
          .extracting(EventInfo::state)
          .isEqualTo(state);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"RUNNING\"} ",
        "{\"type\": \"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"RUNNING\"}",
        "{\"type\":\"event\",\"t\":2,\"seq\":1,\"task\":3,\"state\":\"RUNNING\"}",
        "{\"type\":\"event\",\"seq\":01,\"t\":2,\"task\":3,\"state\":\"RUNNING\"}",
        "{\"type\":\"event\",\"seq\":1.0,\"t\":2,\"task\":3,\"state\":\"RUNNING\"}",
        "{\"type\":\"event\",\"seq\":1234567890123456789,\"t\":2,\"task\":3,\"state\":\"RUNNING\"}",
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"SLEEPING\"}",
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"RUNNINGX\"}",
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"RUNNING\",\"point\":2147483648}",
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"RUNNING\",\"point\":-2147483648}",
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"BLOCKED\",\"point\":1,\"x\":1}",
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"BLOCKED\",\"point\":1",
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"RUNNING\"}}",
        "{\"type\":\"event\",\"seq\":-,\"t\":2,\"task\":3,\"state\":\"RUNNING\"}",
        "{\"type\":\"event\",\"seq\":1,\"t\":2,\"task\":3,\"state\":\"RUN",
        "{\"type\":\"event\"}",
        ""
      })
  void anythingElseIsLeftToTheGeneralPath(String line) {
    assertThat(parse(line)).isNull();
  }

  @Test
  void aDumpReadsTheSameWhicheverPathItsEventsTake() throws IOException {
    List<String> fast = new ArrayList<>(TestDumps.lines("example.jsonl"));
    List<String> general = new ArrayList<>();
    for (String line : fast) {
      // A space after the first colon is valid JSON that only the general path takes.
      general.add(line.startsWith("{\"type\":\"event\"") ? line.replaceFirst(":", ": ") : line);
    }
    Dump viaFastPath = DumpReader.read(TestDumps.write(dir, "fast.jsonl", fast));
    Dump viaGeneralPath = DumpReader.read(TestDumps.write(dir, "general.jsonl", general));
    assertThat(viaFastPath.events()).hasSize(4).isEqualTo(viaGeneralPath.events());
    assertThat(viaFastPath.warnings()).isEqualTo(viaGeneralPath.warnings()).isEmpty();
  }

  @Test
  void linesAcrossTheReadBufferAndCrLfLinesReadTheSame() throws IOException {
    // Thousands of events make lines straddle the 64 KiB read buffer, where the in-place fast
    // path must hand over to the copying one; CR LF line ends go the copying way too.
    List<String> example = TestDumps.lines("example.jsonl");
    List<String> lines = new ArrayList<>(example.subList(0, example.size() - 5));
    for (int i = 0; i < 5000; i++) {
      lines.add(
          "{\"type\":\"event\",\"seq\":"
              + i
              + ",\"t\":"
              + (1000L * i)
              + ",\"task\":"
              + (1 + i % 2)
              + ",\"state\":\"BLOCKED\",\"point\":1}");
    }
    List<String> general = new ArrayList<>();
    for (String line : lines) {
      general.add(line.startsWith("{\"type\":\"event\"") ? line.replaceFirst(":", ": ") : line);
    }
    Dump fast = DumpReader.read(TestDumps.write(dir, "many.jsonl", lines));
    Path crlf = TestDumps.writeText(dir, "crlf.jsonl", String.join("\r\n", lines) + "\r\n");
    Dump viaGeneralPath = DumpReader.read(TestDumps.write(dir, "general.jsonl", general));

    assertThat(fast.events()).hasSize(5000).isEqualTo(viaGeneralPath.events());
    assertThat(DumpReader.read(crlf).events()).isEqualTo(viaGeneralPath.events());
    // No end record: both say they read up to the same line.
    assertThat(fast.warnings())
        .singleElement()
        .isEqualTo(viaGeneralPath.warnings().get(0).replace("general.jsonl", "many.jsonl"));
  }

  @Test
  void anEventAfterTheEndRecordIsRefusedOnTheFastPathToo() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.add("{\"type\":\"event\",\"seq\":9,\"t\":9,\"task\":1,\"state\":\"RUNNING\"}");
    Path file = TestDumps.write(dir, "after.jsonl", lines);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DumpReader.read(file))
        .isInstanceOf(DumpFormatException.class)
        .hasMessage(file + ":" + lines.size() + ": a record after the end record");
  }
}
