package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values at and beyond the limits of their Java types, and very long lines. */
class DumpReaderHugeValuesTest {
  @TempDir Path dir;

  private Path example(int index, String from, String to) throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    assertThat(lines.get(index)).contains(from);
    lines.set(index, lines.get(index).replace(from, to));
    return TestDumps.write(dir, "huge.jsonl", lines);
  }

  @Test
  void largestLongsAndIntsAreRead() throws IOException {
    long max = Long.MAX_VALUE;
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(0, lines.get(0).replace("\"dumpNanos\":1500000000", "\"dumpNanos\":" + max));
    lines.set(
        5,
        lines
            .get(5)
            .replace("\"id\":1,", "\"id\":" + max + ",")
            .replace("\"thread\":21", "\"thread\":" + max)
            .replace("\"stateSince\":2000", "\"stateSince\":" + Long.MIN_VALUE)
            .replace("\"transitions\":2", "\"transitions\":" + Integer.MAX_VALUE));
    Dump dump = DumpReader.read(TestDumps.write(dir, "max.jsonl", lines));

    TaskInfo task = dump.task(max).orElseThrow();
    assertThat(task.thread()).isEqualTo(max);
    assertThat(task.transitions()).isEqualTo(Integer.MAX_VALUE);
    assertThat(dump.header().dumpNanos()).isEqualTo(max);
    assertThat(task.stateSince()).isEqualTo(Long.MIN_VALUE);
    // Nonsense times must not overflow into a negative duration.
    assertThat(dump.timeInState(task)).isGreaterThanOrEqualTo(0);
  }

  @Test
  void integerBeyond64BitsIsRefused() throws IOException {
    Path file = example(5, "\"start\":1000", "\"start\":9223372036854775808");
    assertThatThrownBy(() -> DumpReader.read(file))
        .isInstanceOf(DumpFormatException.class)
        .hasMessage(file + ":6: task.start: 9223372036854775808 does not fit in a 64-bit integer");
  }

  @Test
  void idBeyond32BitsIsRefused() throws IOException {
    Path file = example(1, "\"id\":1,", "\"id\":2147483648,");
    assertThatThrownBy(() -> DumpReader.read(file))
        .isInstanceOf(DumpFormatException.class)
        .hasMessage(file + ":2: method.id: 2147483648 does not fit in a 32-bit integer");
  }

  @Test
  void absurdlyLongNumberIsRefusedByTheParserNotBuilt() throws IOException {
    Path file = example(5, "\"start\":1000", "\"start\":" + "9".repeat(5000));
    assertThatThrownBy(() -> DumpReader.read(file))
        .isInstanceOf(DumpFormatException.class)
        .hasMessageStartingWith(file + ":6: invalid JSON");
  }

  @Test
  void longStringsAndLongListsAreRead() throws IOException {
    String message = "x".repeat(2_000_000);
    String waiters =
        LongStream.rangeClosed(1, 200_000)
            .mapToObj(Long::toString)
            .collect(Collectors.joining(","));
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(4, lines.get(4).replace("\"name\":\"loader\"", "\"name\":\"" + message + "\""));
    lines.set(7, lines.get(7).replace("\"waiters\":[1]", "\"waiters\":[" + waiters + "]"));
    Dump dump = DumpReader.read(TestDumps.write(dir, "long.jsonl", lines));

    assertThat(dump.thread(21).orElseThrow().name()).hasSize(2_000_000);
    assertThat(dump.object(1).waiters()).hasSize(200_000).endsWith(200_000L);
    // Every waiter but task 1 is missing: warned about, capped.
    assertThat(dump.warnings()).hasSize(WarningList.MAX_WARNINGS + 1);
  }

  @Test
  void deeplyNestedJsonIsRefusedNotAStackOverflow() throws IOException {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    Path file = example(5, "\"start\":1000", "\"start\":1000,\"deep\":" + deep);
    assertThatThrownBy(() -> DumpReader.read(file))
        .isInstanceOf(DumpFormatException.class)
        .hasMessageContaining(":6: invalid JSON")
        .hasMessageContaining("nesting depth");
  }
}
