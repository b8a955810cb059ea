package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing dumps: atomic, owner-only, complete, compressed on request, periodic, failing cleanly.
 */
class DumpScheduleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final Recorder recorder = new Recorder(new Registry(), RecorderSettings.defaults());
  private final DumpWriter writer = new DumpWriter(recorder, "test", Map.of("dump", "x"));

  @Test
  void dumpIsOwnerOnlyCompleteAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("app.aidump.jsonl");
    assertThat(new DumpSchedule(writer, target).writeNow("request")).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
    List<String> lines = Files.readAllLines(target);
    assertThat(JSON.readTree(lines.get(0)).path("type").asText()).isEqualTo("header");
    assertThat(JSON.readTree(lines.get(0)).path("reason").asText()).isEqualTo("request");
    assertThat(JSON.readTree(lines.get(lines.size() - 1)).path("type").asText()).isEqualTo("end");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.collect(Collectors.toList())).containsExactly(target);
    }
  }

  @Test
  void theExitDumpIsTheLastOneEvenWhilePeriodicDumpsGoOnDuringShutdown() throws Exception {
    Path target = dir.resolve("app.aidump.jsonl");
    DumpSchedule schedule = new DumpSchedule(writer, target);
    assertThat(schedule.writeNow("interval")).isTrue();
    assertThat(schedule.writeNow("exit")).isTrue();

    assertThat(schedule.writeNow("interval")).isFalse();

    List<String> lines = Files.readAllLines(target);
    assertThat(JSON.readTree(lines.get(0)).path("reason").asText()).isEqualTo("exit");
  }

  @Test
  void gzPathIsCompressed() throws Exception {
    Path target = dir.resolve("app.aidump.jsonl.gz");
    assertThat(new DumpSchedule(writer, target).writeNow("request")).isTrue();
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(target))) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text).startsWith("{\"type\":\"header\"").contains("{\"type\":\"end\"");
    }
  }

  @Test
  void missingFolderFailsWithoutThrowingAndWritesNothing() {
    Path target = dir.resolve("missing/app.aidump.jsonl");
    assertThat(new DumpSchedule(writer, target).writeNow("request")).isFalse();
    assertThat(target.getParent()).doesNotExist();
  }

  @Test
  void replacingADumpKeepsTheOldOneUntilTheNewOneIsComplete() throws Exception {
    Path target = dir.resolve("app.aidump.jsonl");
    Files.writeString(target, "previous\n");
    assertThat(new DumpSchedule(writer, target).writeNow("interval")).isTrue();
    assertThat(Files.readAllLines(target).get(0)).contains("\"reason\":\"interval\"");
  }

  @Test
  void intervalDumpsAreWrittenRepeatedly() throws Exception {
    Path target = dir.resolve("periodic.aidump.jsonl");
    new DumpSchedule(writer, target).every(100);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(target)) {
      assertThat(System.nanoTime()).as("first periodic dump in time").isLessThan(deadline);
      Thread.sleep(20);
    }
    String first = Files.readAllLines(target).get(0);
    assertThat(first).contains("\"reason\":\"interval\"");
    while (Files.readAllLines(target).get(0).equals(first)) {
      assertThat(System.nanoTime()).as("second periodic dump in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void aFailureIsSaidOnceUntilTheReasonChangesOrADumpSucceeds() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path target = file.resolve("app.aidump.jsonl");
    DumpSchedule schedule = new DumpSchedule(writer, target);
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 3; i++) {
        assertThat(schedule.writeNow("interval")).isFalse();
      }
      Files.delete(file);
      Files.createDirectory(file);
      assertThat(schedule.writeNow("interval")).isTrue();
      Files.delete(target);
      Files.delete(file);
      Files.writeString(file, "x");
      assertThat(schedule.writeNow("interval")).isFalse();
    } finally {
      System.setErr(stderr);
    }
    String line =
        "[async-inspect] could not write dump to " + target + ": " + file + " is not a folder";
    assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
        .containsExactly(line, line);
  }
}
