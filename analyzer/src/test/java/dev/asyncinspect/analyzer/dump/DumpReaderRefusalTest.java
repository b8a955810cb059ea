package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader refuses, and that its message says what is wrong and where. */
class DumpReaderRefusalTest {
  @TempDir Path dir;

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
    return assertThatThrownBy(() -> DumpReader.read(file)).isInstanceOf(DumpFormatException.class);
  }

  private Path exampleWithLine(int number, String replacement) throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(number - 1, replacement);
    return TestDumps.write(dir, "edited.jsonl", lines);
  }

  private Path exampleWithReplacement(int number, String from, String to) throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    assertThat(lines.get(number - 1)).contains(from);
    return exampleWithLine(number, lines.get(number - 1).replace(from, to));
  }

  @Test
  void textFileIsNotADump() {
    Path file = TestDumps.resource("not-a-dump.txt");
    assertRefused(file)
        .hasMessage(file + ": not an async-inspect dump: its first line is not a JSON object");
  }

  @Test
  void emptyFileIsNotADump() throws IOException {
    Path file = TestDumps.writeText(dir, "empty.jsonl", "");
    assertRefused(file).hasMessage(file + ": not an async-inspect dump: the file is empty");
  }

  @Test
  void jsonThatIsNotAHeaderIsNotADump() throws IOException {
    Path other =
        TestDumps.writeText(dir, "other.jsonl", "{\"type\":\"header\",\"format\":\"x\"}\n");
    assertRefused(other).hasMessageContaining("not a header with format \"async-inspect-dump\"");
    Path headless =
        TestDumps.write(dir, "headless.jsonl", TestDumps.lines("example.jsonl").subList(1, 14));
    assertRefused(headless).hasMessageContaining("not an async-inspect dump");
  }

  @Test
  void unknownMajorVersionIsRefusedNamingBothVersions() {
    Path file = TestDumps.resource("version-2.jsonl");
    assertRefused(file)
        .hasMessage(
            file
                + ": dump format version 2.0 (written by agent 2.3.0) is not supported:"
                + " this async-inspect reads version 1.x")
        .satisfies(e -> assertThat(((DumpFormatException) e).line()).isZero());
  }

  @Test
  void versionThatIsNotMajorMinor() throws IOException {
    Path file = exampleWithReplacement(1, "\"version\":\"1.0\"", "\"version\":\"one\"");
    assertRefused(file)
        .hasMessage(file + ":1: header.version: expected MAJOR.MINOR, found \"one\"");
  }

  @Test
  void brokenLineInTheMiddleIsReportedWithFileAndLine() {
    Path file = TestDumps.resource("broken-line.jsonl");
    assertRefused(file)
        .hasMessageStartingWith(file + ":7: invalid JSON at column ")
        .satisfies(e -> assertThat(((DumpFormatException) e).line()).isEqualTo(7))
        .satisfies(e -> assertThat(((DumpFormatException) e).file()).isEqualTo(file));
  }

  @Test
  void unknownEnumValue() throws IOException {
    Path file = exampleWithReplacement(6, "\"state\":\"BLOCKED\"", "\"state\":\"SLEEPING\"");
    assertRefused(file)
        .hasMessage(
            file
                + ":6: task.state: unknown value \"SLEEPING\", expected one of [QUEUED, RUNNING,"
                + " BLOCKED, SUSPENDED, COMPLETED, FAILED, CANCELLED]");
  }

  @Test
  void unknownEnumValueInANewerMinorVersionSaysAnUpdateMayHelp() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.set(0, lines.get(0).replace("\"version\":\"1.0\"", "\"version\":\"1.4\""));
    lines.set(3, lines.get(3).replace("\"kind\":\"FUTURE\"", "\"kind\":\"BARRIER\""));
    Path file = TestDumps.write(dir, "newer.jsonl", lines);
    assertRefused(file)
        .hasMessageStartingWith(file + ":4: awaitPoint.kind: unknown value \"BARRIER\"")
        .hasMessageEndingWith(
            "(the dump's format 1.4 is newer than this reader's 1."
                + DumpReader.KNOWN_MINOR_VERSION
                + "; a newer async-inspect may know this value)");
  }

  @Test
  void wrongTypesAndMissingFieldsNameTheFieldPath() throws IOException {
    assertRefused(exampleWithReplacement(6, "\"start\":1000", "\"start\":\"soon\""))
        .hasMessageEndingWith(":6: task.start: expected an integer, found \"soon\"");
    assertRefused(exampleWithReplacement(6, "\"start\":1000,", ""))
        .hasMessageEndingWith(":6: task.start: missing");
    assertRefused(exampleWithReplacement(6, "\"point\":1", "\"point\":1.5"))
        .hasMessageEndingWith(":6: task.await.point: expected an integer, found 1.5");
    assertRefused(exampleWithReplacement(8, "\"waiters\":[1]", "\"waiters\":[1,\"x\"]"))
        .hasMessageEndingWith(":8: object.waiters[1]: expected an integer, found \"x\"");
    assertRefused(
            exampleWithReplacement(6, "\"name\":\"UserService.loadProfile\"", "\"name\":null"))
        .hasMessageEndingWith(":6: task.name: null, but a value is required");
    assertRefused(exampleWithReplacement(5, "\"virtual\":false", "\"virtual\":\"no\""))
        .hasMessageEndingWith(":5: thread.virtual: expected true or false, found \"no\"");
  }

  @Test
  void recordWithoutType() throws IOException {
    assertRefused(exampleWithReplacement(2, "\"type\":\"method\",", ""))
        .hasMessageEndingWith(":2: a record without a string \"type\" field");
  }

  @Test
  void lineThatIsNotAnObject() throws IOException {
    assertRefused(exampleWithLine(3, "[1,2]")).hasMessageEndingWith(":3: not a JSON object");
    assertRefused(exampleWithLine(3, "{\"type\":\"method\"} {}"))
        .hasMessageEndingWith(":3: more than one JSON value at column 19");
    assertRefused(exampleWithLine(3, "")).hasMessageEndingWith(":3: empty line");
  }

  @Test
  void duplicateFieldsAreRefused() throws IOException {
    assertRefused(exampleWithReplacement(2, "\"id\":1,", "\"id\":1,\"id\":7,"))
        .hasMessageContaining(":2: invalid JSON")
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void recordAfterTheEndOrASecondHeader() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.add(lines.get(1));
    Path after = TestDumps.write(dir, "after.jsonl", lines);
    assertRefused(after).hasMessage(after + ":15: a record after the end record");

    lines = new ArrayList<>(TestDumps.lines("example.jsonl"));
    lines.add(2, lines.get(0));
    Path twice = TestDumps.write(dir, "twice.jsonl", lines);
    assertRefused(twice).hasMessage(twice + ":3: header: a second header record");

    String example = String.join("\n", TestDumps.lines("example.jsonl"));
    Path blank = TestDumps.writeText(dir, "blank.jsonl", example + "\n\n");
    assertRefused(blank).hasMessage(blank + ":15: empty line");
    // A cut line counts as a truncation only where an end record is still to come.
    Path cutAfterEnd = TestDumps.writeText(dir, "cut-after-end.jsonl", example + "\n{\"ty");
    assertRefused(cutAfterEnd).hasMessageStartingWith(cutAfterEnd + ":15: invalid JSON");
  }

  @Test
  void brokenLastLineWithItsNewlineIsAnErrorNotATruncation() throws IOException {
    List<String> lines = new ArrayList<>(TestDumps.lines("example.jsonl").subList(0, 9));
    lines.add("{\"type\":\"event\",\"seq\":0,\"t\"");
    Path file = TestDumps.write(dir, "cut.jsonl", lines);
    assertRefused(file).hasMessageStartingWith(file + ":10: invalid JSON");
  }

  @Test
  void gzipNameWithPlainContentAndGzipContentWithPlainName() throws IOException {
    Path plain = Files.copy(TestDumps.resource("example.jsonl"), dir.resolve("plain.jsonl.gz"));
    assertRefused(plain)
        .hasMessage(
            plain + ": not an async-inspect dump: the name ends in .gz but it is not gzip data");

    byte[] compressed = TestDumps.gzip(Files.readAllBytes(TestDumps.resource("example.jsonl")));
    Path gzipped = Files.write(dir.resolve("secretly-gzipped.jsonl"), compressed);
    assertRefused(gzipped)
        .hasMessage(
            gzipped
                + ": not an async-inspect dump: it looks gzip-compressed, and a compressed dump's"
                + " name ends in .gz");
  }

  @Test
  void missingFileIsAnIoErrorButNotAFormatError() {
    Path missing = dir.resolve("missing.jsonl");
    assertThatThrownBy(() -> DumpReader.read(missing)).isInstanceOf(NoSuchFileException.class);
  }
}
