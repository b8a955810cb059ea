package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.testapps.Saturation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JVM killed (SIGKILL) while it writes dumps: round after round, a program writes a dump of
 * several MB every 100 ms to the same name and, once its first dump replaced the last round's, is
 * killed at a different moment after a later dump began. After each kill the name still holds a
 * whole dump, of this round or an earlier one; whatever the kills left behind is readable by its
 * owner only.
 */
class DumpKillIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  /** Milliseconds from seeing a dump's temporary file to the kill, one per round. */
  private static final int[] DELAYS = {0, 5, 20, 50, 100, 200, 400, 800};

  /** The rounds stop early when they have taken this long, to bound the test's time. */
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(60);

  private static final String OWNER_ONLY = "rw-------";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void theDumpNameHoldsAWholeDumpOrNothingAfterEveryKill(Jdk jdk) throws Exception {
    Path dir = recreate(workDir(jdk));
    Path target = dir.resolve("x.aidump.jsonl");
    ForkedProgram program = new ForkedProgram(jdk, Saturation.class);
    Set<Long> pids = new HashSet<>();
    Set<Path> tempsBefore;
    Map<Integer, String> outcomes = new TreeMap<>();
    int killedWhileWriting = 0;
    long deadline = System.nanoTime() + BUDGET_NANOS;
    for (int round = 0; round < DELAYS.length && System.nanoTime() < deadline; round++) {
      Path out = Files.createDirectories(dir.resolve("round-" + round));
      Process process =
          program.startWithAgentOptions(
              dir,
              "dump=" + target + ",dumpInterval=100ms,control=false",
              out.resolve("stdout.txt"),
              out.resolve("stderr.txt"));
      pids.add(process.pid());
      try {
        // This round's first dump replaces the last round's; the kill comes during a later one.
        awaitFile(target, process);
        FileTime first = Files.getLastModifiedTime(target);
        while (Files.getLastModifiedTime(target).equals(first) && process.isAlive()) {
          Thread.sleep(1); // polling the folder, ends with the JVM at the latest
        }
        tempsBefore = temps(dir);
        boolean writing = awaitNewTemp(dir, tempsBefore, process);
        if (writing) {
          Thread.sleep(DELAYS[round]); // the kill's moment within or after the write
        }
      } finally {
        process.destroyForcibly(); // SIGKILL
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed JVM ended").isTrue();
      }
      Set<Path> left = temps(dir);
      left.removeAll(tempsBefore);
      killedWhileWriting += left.isEmpty() ? 0 : 1;
      String leftover = "";
      for (Path temp : left) {
        leftover += ", left " + Files.size(temp) + " bytes in " + temp.getFileName();
      }
      assertThat(target).as("a whole dump was there before the kill: it still is").exists();
      outcomes.put(round, checkAfterKill(target, dir, pids) + leftover);
    }
    assertThat(outcomes).as("rounds run").hasSizeGreaterThanOrEqualTo(2);
    System.out.println("DumpKillIT on " + jdk + ": " + outcomes);
    // A dump of several MB takes far longer to write than the kill takes to arrive after its
    // temporary file appeared, so some kills must land while a dump is written.
    assertThat(killedWhileWriting)
        .as("rounds killed while a dump was written: %s", outcomes)
        .isPositive();
  }

  /** Checks the name and the leftovers after a kill; says what the name held. */
  private static String checkAfterKill(Path target, Path dir, Set<Long> pids) throws IOException {
    for (Path temp : temps(dir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)))
          .as("permissions of the leftover %s", temp)
          .isEqualTo(OWNER_ONLY);
    }
    if (!Files.exists(target)) {
      return "nothing";
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo(OWNER_ONLY);
    Dump dump = DumpReader.read(target);
    assertThat(dump.complete()).as("%s has its end record", target).isTrue();
    assertThat(dump.warnings()).as("reader warnings on %s", target).isEmpty();
    assertThat(pids).contains(dump.header().pid());
    Map<String, Long> counted = new TreeMap<>();
    for (var record : DumpRecords.read(target).records()) {
      counted.merge(record.path("type").asText(), 1L, Long::sum);
    }
    counted.remove("end");
    assertThat(counted).as("records by type").isEqualTo(new TreeMap<>(dump.end().counts()));
    return "a whole dump of pid " + dump.header().pid() + " (" + dump.header().reason() + ")";
  }

  /** Waits until {@code file} exists (the JVM wrote its first dump). */
  private static void awaitFile(Path file, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file)) {
      assertThat(System.nanoTime()).as("first dump within 60 s").isLessThan(deadline);
      assertThat(process.isAlive()).as("the program is still running").isTrue();
      Thread.sleep(1); // polling the folder, bounded above
    }
  }

  /** Waits until a temporary dump file not in {@code before} appears; false if the JVM ended. */
  private static boolean awaitNewTemp(Path dir, Set<Path> before, Process process)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      Set<Path> now = temps(dir);
      now.removeAll(before);
      if (!now.isEmpty()) {
        return true;
      }
      Thread.sleep(1); // polling the folder, bounded above
    }
    return false;
  }

  private static Set<Path> temps(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new HashSet<>(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
    }
  }

  private static Path recreate(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
        for (Path file : all) {
          Files.delete(file);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static Path workDir(Jdk jdk) {
    return Path.of(System.getProperty("user.dir"), "target", "e2e", "DumpKill", jdk.toString());
  }
}
