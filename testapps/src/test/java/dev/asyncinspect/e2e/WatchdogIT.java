package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.testapps.HangingService;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** With {@code stuck=1s}, a hanging service explains itself on stderr within seconds. */
class WatchdogIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void stuckReportAndDumpAppearSoonAfterTheHang(Jdk jdk) throws Exception {
    Path dir = Path.of(System.getProperty("user.dir"), "target", "e2e", "Watchdog", jdk.toString());
    Path dump = dir.resolve("app.aidump.jsonl");
    try (LiveProgram app =
        LiveProgram.start(jdk, HangingService.class, "dump=" + dump + ",stuck=1s", dir)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!app.stderr().contains("root cause:")) {
        assertThat(System.nanoTime())
            .as("a stuck report within 30 s; stderr so far: %s", app.stderr())
            .isLessThan(deadline);
        Thread.sleep(50); // polling the program's stderr, bounded above
      }
      Path stuckDump = dir.resolve("app.stuck.aidump.jsonl");
      String report = app.stderr();
      assertThat(report)
          .contains(
              "[async-inspect] stuck: tasks waited 1000 ms or more without progress; dump written"
                  + " to "
                  + stuckDump)
          .contains("STUCK  2 tasks")
          .contains(
              "#1 HangingService.handleRequest  BLOCKED",
              "at " + location(HangingService.class, "await:reply") + " join()")
          .contains("no known producer");
      Dump written = DumpReader.read(stuckDump);
      assertThat(written.header().reason()).isEqualTo("stuck");
      assertThat(written.tasksNamed("HangingService.handleRequest").get(0).state())
          .isEqualTo(TaskState.BLOCKED);
    }
  }
}
