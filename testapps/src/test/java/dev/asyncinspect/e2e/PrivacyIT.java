package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.testapps.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a dump may contain: never the values of arguments or results; exception messages by default,
 * and with {@code errorMessages=false} no message anywhere, neither in the watchdog's dump nor in
 * its report on stderr. The text of the files is searched, not only what the reader exposes.
 */
class PrivacyIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void argumentsAndResultsAreNeverRecordedButMessagesAreByDefault(Jdk jdk) throws Exception {
    Watched run = watch(jdk, "default", "");
    assertThat(run.dumpText).doesNotContain(Secrets.ARGUMENT, Secrets.RESULT);
    assertThat(run.stderr).doesNotContain(Secrets.ARGUMENT, Secrets.RESULT, Secrets.PASSWORD);
    TaskInfo check = run.dump.tasksNamed("Secrets.checkPassword").get(0);
    assertThat(check.error().message()).contains(Secrets.PASSWORD);
    assertThat(check.error().cause().message()).contains(Secrets.PASSWORD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void withoutErrorMessagesNoMessageIsAnywhere(Jdk jdk) throws Exception {
    Watched run = watch(jdk, "no-messages", ",errorMessages=false");
    assertThat(run.dumpText).doesNotContain(Secrets.ARGUMENT, Secrets.RESULT, Secrets.PASSWORD);
    assertThat(run.dumpText).doesNotContain("\"message\"");
    assertThat(run.stderr).doesNotContain(Secrets.ARGUMENT, Secrets.RESULT, Secrets.PASSWORD);
    for (String name : new String[] {"Secrets.checkPassword", "Secrets.logIn"}) {
      TaskInfo failed = run.dump.tasksNamed(name).get(0);
      assertThat(failed.error().className()).as(name).isNotEmpty();
      assertThat(failed.error().stack()).as(name).isNotEmpty();
      assertThat(failed.error().message()).as(name).isNull();
      assertThat(failed.error().cause().message()).as(name).isNull();
    }
  }

  /** The program under the watchdog, until it has reported the hang. */
  private static Watched watch(Jdk jdk, String name, String moreOptions) throws Exception {
    Path dir =
        Path.of(System.getProperty("user.dir"), "target", "e2e", "Privacy", jdk + "-" + name);
    Files.createDirectories(dir);
    Path dump = dir.resolve("app.aidump.jsonl");
    Path stuckDump = dir.resolve("app.stuck.aidump.jsonl");
    Files.deleteIfExists(stuckDump);
    try (LiveProgram app =
        LiveProgram.start(jdk, Secrets.class, "dump=" + dump + ",stuck=500ms" + moreOptions, dir)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!app.stderr().contains("root cause:")) {
        assertThat(System.nanoTime())
            .as("a stuck report within 30 s; stderr so far: %s", app.stderr())
            .isLessThan(deadline);
        Thread.sleep(50); // polling the program's stderr, bounded above
      }
      return new Watched(DumpReader.read(stuckDump), read(stuckDump), app.stderr());
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  private record Watched(Dump dump, String dumpText, String stderr) {}
}
