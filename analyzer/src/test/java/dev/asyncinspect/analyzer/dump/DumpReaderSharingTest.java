package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What repeats from record to record is read into one object, so that a large dump holds fewer
 * objects; what differs stays apart. (Names and ids on the fast path: {@link TaskLineTest}.)
 */
class DumpReaderSharingTest {
  @TempDir Path dir;

  @Test
  void equalStackFramesOfFailedTasksAreOneObjectAndTheOthersStayApart() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("rich.jsonl"));
    String failed =
        lines.stream().filter(l -> l.startsWith("{\"type\":\"task\",\"id\":6,")).findFirst().get();
    int end = lines.size() - 1;
    lines.add(end, failed.replace("\"id\":6,", "\"id\":60,"));
    lines.add(end, failed.replace("\"id\":6,", "\"id\":61,").replace("\"line\":", "\"line\":1000"));
    lines.set(lines.size() - 1, lines.get(lines.size() - 1).replace("\"task\":9", "\"task\":11"));

    Dump dump = DumpReader.read(TestDumps.write(dir, "shared.jsonl", lines));

    assertThat(dump.warnings()).isEmpty();
    List<StackFrame> first = dump.task(6).orElseThrow().error().stack();
    List<StackFrame> copy = dump.task(60).orElseThrow().error().stack();
    List<StackFrame> otherLines = dump.task(61).orElseThrow().error().stack();
    assertThat(copy).isEqualTo(first).hasSameSizeAs(otherLines);
    for (int i = 0; i < first.size(); i++) {
      assertThat(copy.get(i)).isSameAs(first.get(i));
      if (first.get(i).line() != null) {
        assertThat(otherLines.get(i)).isNotEqualTo(first.get(i));
        assertThat(otherLines.get(i).line())
            .isEqualTo(Integer.parseInt("1000" + first.get(i).line()));
      }
    }
  }
}
