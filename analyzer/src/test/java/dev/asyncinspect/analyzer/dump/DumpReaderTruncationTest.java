package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dumps without their end record are read as far as they go, and say that they are cut. */
class DumpReaderTruncationTest {
  @TempDir Path dir;

  @Test
  void lastLineCutInTheMiddleIsDropped() throws IOException {
    Path file = TestDumps.resource("truncated.jsonl");
    Dump dump = DumpReader.read(file);

    assertThat(dump.complete()).isFalse();
    assertThat(dump.end()).isNull();
    assertThat(dump.tasks()).extracting(TaskInfo::id).containsExactly(1L, 2L);
    assertThat(dump.objects()).containsKey(1);
    assertThat(dump.methodStats()).isEmpty();
    assertThat(dump.warnings())
        .containsExactly(
            file
                + ": the dump is truncated: line 9 is cut short and no end record follows;"
                + " read up to line 8");
  }

  @Test
  void completeLinesWithoutEndRecord() throws IOException {
    Path file = TestDumps.resource("no-end.jsonl");
    Dump dump = DumpReader.read(file);

    assertThat(dump.complete()).isFalse();
    assertThat(dump.events()).hasSize(4);
    assertThat(dump.warnings())
        .containsExactly(
            file + ": the dump is truncated: it has no end record; read up to line 13");
  }

  @Test
  void lastCompleteRecordWithoutNewlineIsKept() throws IOException {
    List<String> lines = TestDumps.lines("example.jsonl");
    Path file =
        TestDumps.writeText(dir, "no-newline.jsonl", String.join("\n", lines.subList(0, 9)));
    Dump dump = DumpReader.read(file);
    assertThat(dump.methodStats()).hasSize(1);
    assertThat(dump.warnings()).singleElement().asString().endsWith("read up to line 9");

    Path whole = TestDumps.writeText(dir, "whole.jsonl", String.join("\n", lines));
    assertThat(DumpReader.read(whole).complete()).isTrue();
  }

  @Test
  void lineCutInsideAMultiByteCharacterIsATruncationToo() throws IOException {
    List<String> lines = TestDumps.lines("example.jsonl");
    String withUmlaut = lines.get(4).replace("\"loader\"", "\"l\u00f6ader\"");
    byte[] cut = withUmlaut.getBytes(StandardCharsets.UTF_8);
    byte[] head = (String.join("\n", lines.subList(0, 4)) + "\n").getBytes(StandardCharsets.UTF_8);
    int umlaut = withUmlaut.indexOf('\u00f6') + 1; // the second byte of the two of 'ö'
    byte[] bytes = Arrays.copyOf(head, head.length + umlaut);
    System.arraycopy(cut, 0, bytes, head.length, umlaut);
    Path file = Files.write(dir.resolve("mid-char.jsonl"), bytes);

    Dump dump = DumpReader.read(file);
    assertThat(dump.threads()).isEmpty();
    assertThat(dump.warnings()).singleElement().asString().contains("line 5 is cut short");
  }

  @Test
  void headerAlone() throws IOException {
    Path file =
        TestDumps.write(dir, "header.jsonl", TestDumps.lines("example.jsonl").subList(0, 1));
    Dump dump = DumpReader.read(file);
    assertThat(dump.complete()).isFalse();
    assertThat(dump.tasks()).isEmpty();
    assertThat(dump.header().pid()).isEqualTo(4242);
  }

  @Test
  void gzipDumpIsReadLikeThePlainOne() throws IOException {
    byte[] plain = Files.readAllBytes(TestDumps.resource("rich.jsonl"));
    Path file = Files.write(dir.resolve("rich.aidump.jsonl.gz"), TestDumps.gzip(plain));
    Dump dump = DumpReader.read(file);
    Dump expected = DumpReader.read(TestDumps.resource("rich.jsonl"));

    assertThat(dump.source()).isEqualTo(file);
    assertThat(dump.complete()).isTrue();
    assertThat(dump.warnings()).isEmpty();
    assertThat(dump.tasks()).isEqualTo(expected.tasks());
    assertThat(dump.methodStats()).isEqualTo(expected.methodStats());
  }

  @Test
  void gzipFileCutShortIsATruncation() throws IOException {
    byte[] compressed = TestDumps.gzip(Files.readAllBytes(TestDumps.resource("rich.jsonl")));
    byte[] cut = Arrays.copyOf(compressed, compressed.length * 2 / 3);
    Path file = Files.write(dir.resolve("cut.aidump.jsonl.gz"), cut);

    Dump dump = DumpReader.read(file);

    assertThat(dump.complete()).isFalse();
    assertThat(dump.methods()).hasSize(4);
    assertThat(dump.warnings())
        .singleElement()
        .asString()
        .startsWith(file + ": the dump is truncated");
  }
}
