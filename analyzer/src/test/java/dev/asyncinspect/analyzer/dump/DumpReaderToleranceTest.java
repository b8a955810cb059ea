package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader reads past: what a later minor version may add, and loose references. */
class DumpReaderToleranceTest {
  @TempDir Path dir;

  @Test
  void unknownFieldsAndRecordTypesAreIgnored() throws IOException {
    Dump expected = DumpReader.read(TestDumps.resource("example.jsonl"));
    Dump dump = DumpReader.read(TestDumps.resource("unknown-fields.jsonl"));

    assertThat(dump.warnings()).isEmpty();
    assertThat(dump.header().version()).isEqualTo("1.9");
    // Apart from the version, the model is the example's: the additions leave no trace.
    assertThat(dump.tasks()).isEqualTo(expected.tasks());
    assertThat(dump.methods()).isEqualTo(expected.methods());
    assertThat(dump.threads()).isEqualTo(expected.threads());
    assertThat(dump.objects()).isEqualTo(expected.objects());
    assertThat(dump.events()).isEqualTo(expected.events());
    assertThat(dump.complete()).isTrue();
  }

  @Test
  void explicitNullReadsAsOmitted() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(6, lines.get(6).replace("\"parent\":1", "\"parent\":null"));
    Dump dump = DumpReader.read(TestDumps.write(dir, "nulls.jsonl", lines));
    assertThat(dump.task(2).orElseThrow().parent()).isNull();
  }

  @Test
  void windowsLineEndsAreRead() throws IOException {
    String text = String.join("\r\n", TestDumps.lines("example.jsonl")) + "\r\n";
    Dump dump = DumpReader.read(TestDumps.writeText(dir, "crlf.jsonl", text));
    assertThat(dump.complete()).isTrue();
    assertThat(dump.tasks()).hasSize(2);
  }

  @Test
  void danglingReferencesAreWarnings() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(3, lines.get(3).replace("\"method\":2", "\"method\":9"));
    lines.set(
        5,
        lines
            .get(5)
            .replace("\"thread\":21", "\"thread\":99")
            .replace("\"object\":1", "\"object\":5"));
    lines.set(7, lines.get(7).replace("\"waiters\":[1]", "\"waiters\":[1,42]"));
    Path file = TestDumps.write(dir, "dangling.jsonl", lines);

    Dump dump = DumpReader.read(file);

    assertThat(dump.warnings())
        .containsExactly(
            file + ": await point 1 names method 9, which the dump lacks",
            file + ": task 1 names thread 99, which the dump lacks",
            file + ": task 1 await names object 5, which the dump lacks",
            file + ": object 1 waiters names task 42, which the dump lacks");
    assertThat(dump.task(1).orElseThrow().thread()).isEqualTo(99L);
  }

  @Test
  void parentsProducersAndEventsMayNameTasksNoLongerInTheDump() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(6, lines.get(6).replace("\"parent\":1", "\"parent\":77"));
    lines.set(7, lines.get(7).replace("\"producer\":2", "\"producer\":78"));
    lines.set(9, lines.get(9).replace("\"task\":1", "\"task\":79"));
    Dump dump = DumpReader.read(TestDumps.write(dir, "gone.jsonl", lines));
    assertThat(dump.warnings()).isEmpty();
  }

  @Test
  void duplicateIdsKeepTheFirstRecordWithAWarning() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.add(2, lines.get(1).replace("fetchUser", "other"));
    lines.add(7, lines.get(6).replace("BLOCKED", "RUNNING"));
    Path file = TestDumps.write(dir, "dup.jsonl", lines);

    Dump dump = DumpReader.read(file);

    assertThat(dump.method(1).name()).isEqualTo("fetchUser");
    assertThat(dump.tasks()).hasSize(2);
    assertThat(dump.task(1).orElseThrow().state()).isEqualTo(TaskState.BLOCKED);
    assertThat(dump.warnings())
        .contains(
            file + ":3: method 1 appears twice; the first record is kept",
            file + ":8: task 1 appears twice; the first record is kept");
  }

  @Test
  void endCountsThatDisagreeAreWarnings() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(13, lines.get(13).replace("\"task\":2", "\"task\":3").replace(",\"event\":4", ""));
    Path file = TestDumps.write(dir, "counts.jsonl", lines);
    assertThat(DumpReader.read(file).warnings())
        .containsExactly(
            file + ": the end record counts 3 task records, the dump has 2",
            file + ": the end record counts 0 event records, the dump has 4");
  }

  @Test
  void eventsOutOfOrderAreAWarning() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(11, lines.get(11).replace("\"seq\":2", "\"seq\":0"));
    Path file = TestDumps.write(dir, "order.jsonl", lines);
    assertThat(DumpReader.read(file).warnings())
        .containsExactly(file + ":12: events are not in seq order from here on");
  }

  @Test
  void warningsAreCapped() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    String task = lines.get(6);
    for (int id = 100; id < 400; id++) {
      lines.add(
          6, task.replace("\"id\":2", "\"id\":" + id).replace("\"method\":1", "\"method\":9"));
    }
    Dump dump = DumpReader.read(TestDumps.write(dir, "many.jsonl", lines));
    assertThat(dump.warnings()).hasSize(WarningList.MAX_WARNINGS + 1);
    assertThat(dump.warnings().get(WarningList.MAX_WARNINGS))
        .isEqualTo("201 more warnings not shown");
  }
}
