package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.dump.ThreadInfo;
import dev.asyncinspect.cli.Main;
import dev.asyncinspect.testapps.HangingService;
import dev.asyncinspect.testapps.LateAttach;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code ps} and {@code dump <pid>} against hanging JVMs: one started without the agent (dump
 * attaches it), one started with it.
 */
class LiveToolsIT {

  private static final String JDKS = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void jvmWithoutTheAgentIsNotListedAndDumpAttachesIt(Jdk jdk) throws Exception {
    Path dir = workDir(jdk, "without-agent");
    try (LiveProgram app = LiveProgram.start(jdk, HangingService.class, null, dir)) {
      String pid = Long.toString(app.pid());
      Run ps = cli("ps");
      assertThat(ps.exitCode).isZero();
      assertThat(ps.out.lines()).noneMatch(l -> l.startsWith(pid + " "));

      Path file = dir.resolve("attached.aidump.jsonl");
      Run dump = cli("dump", pid, "-o", file.toString());
      assertThat(dump.exitCode).as(dump.err).isZero();
      assertThat(dump.err).contains("loading the agent into JVM " + pid);
      Dump read = DumpReader.read(file);
      assertThat(read.header().pid()).isEqualTo(app.pid());
      ThreadInfo main =
          read.threads().values().stream()
              .filter(t -> t.name().equals("main"))
              .findFirst()
              .orElseThrow();
      assertThat(main.state()).isEqualTo("WAITING");
      assertThat(main.stack())
          .anySatisfy(f -> assertThat(f.toString()).contains("HangingService.handleRequest"));

      assertThat(cli("ps").out.lines()).anyMatch(l -> l.startsWith(pid + " "));
      assertThat(app.stderr()).doesNotContain("[async-inspect]");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void jvmWithTheAgentIsListedAndItsDumpShowsTheStuckTask(Jdk jdk) throws Exception {
    Path dir = workDir(jdk, "with-agent");
    try (LiveProgram app = LiveProgram.start(jdk, HangingService.class, "", dir)) {
      String pid = Long.toString(app.pid());
      assertThat(cli("ps").out.lines())
          .anySatisfy(l -> assertThat(l).startsWith(pid + " ").contains("HangingService"));

      Path file = dir.resolve("dump.aidump.jsonl");
      Run dump = cli("dump", pid, "-o", file.toString());
      assertThat(dump.exitCode).as(dump.err).isZero();
      assertThat(dump.err).isEmpty();
      Dump read = DumpReader.read(file);
      TaskInfo handler = read.tasksNamed("HangingService.handleRequest").get(0);
      assertThat(handler.state()).isEqualTo(TaskState.BLOCKED);
      assertThat(read.awaitPoint(handler.await().point()).location())
          .isEqualTo(location(HangingService.class, "await:reply"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void dumpOfAProcessThatIsNotThereSaysSo(Jdk jdk) {
    long pid = ProcessHandle.current().pid() + 1_000_000;
    Run dump = cli("dump", Long.toString(pid));
    assertThat(dump.exitCode).isEqualTo(2);
    assertThat(dump.err).isEqualTo("async-inspect: no process " + pid + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDKS)
  void classesLoadedBeforeTheAgentAreTracedOnceItIsAttached(Jdk jdk) throws Exception {
    Path dir = workDir(jdk, "late-attach");
    try (LiveProgram app = LiveProgram.start(jdk, LateAttach.class, null, dir)) {
      String pid = Long.toString(app.pid());
      Run attach = cli("dump", pid, "-o", dir.resolve("attached.aidump.jsonl").toString());
      assertThat(attach.exitCode).as(attach.err).isZero();
      assertThat(DumpReader.read(dir.resolve("attached.aidump.jsonl")).tasks())
          .as("nothing traced ran since the agent came")
          .isEmpty();

      app.send("go");
      Path file = dir.resolve("late.aidump.jsonl");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      Dump late;
      do {
        assertThat(System.nanoTime())
            .as("the second run in a dump within 30 s")
            .isLessThan(deadline);
        Run dump = cli("dump", pid, "-o", file.toString());
        assertThat(dump.exitCode).as(dump.err).isZero();
        late = DumpReader.read(file);
      } while (late.tasksNamed("LateAttach.awaitReply").isEmpty());

      TaskInfo handle = late.tasksNamed("LateAttach.handle").get(0);
      assertThat(handle.state()).isEqualTo(TaskState.COMPLETED);
      assertThat(late.tasksNamed("Order.compareTo"))
          .singleElement()
          .satisfies(t -> assertThat(t.parent()).isEqualTo(handle.id()));
      assertThat(late.awaitPoints().values())
          .anySatisfy(
              p ->
                  assertThat(p.location())
                      .isEqualTo(location(LateAttach.class, "await:handle-join")));
      TaskInfo waiting = late.tasksNamed("LateAttach.awaitReply").get(0);
      assertThat(waiting.state()).isEqualTo(TaskState.BLOCKED);
      assertThat(late.awaitPoint(waiting.await().point()).location())
          .isEqualTo(location(LateAttach.class, "await:late-reply"));
      assertThat(app.stderr()).doesNotContain("[async-inspect]");
    }
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int code = command.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path workDir(Jdk jdk, String name) {
    return Path.of(
        System.getProperty("user.dir"), "target", "e2e", "LiveTools", jdk.toString(), name);
  }
}
