package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the example of docs/dump-format.md and checks every value it has. */
class DumpReaderExampleTest {
  private static Dump dump;

  @BeforeAll
  static void read() throws IOException {
    dump = DumpReader.read(TestDumps.resource("example.jsonl"));
  }

  @Test
  void exampleResourceIsTheExampleOfTheFormatDocument() throws IOException {
    // Surefire runs in the module folder; the document is the contract, the resource its copy.
    String doc = Files.readString(Path.of("../docs/dump-format.md"), StandardCharsets.UTF_8);
    String example = doc.substring(doc.indexOf("## Example"));
    example = example.substring(example.indexOf("```json\n") + 8);
    example = example.substring(0, example.indexOf("```"));
    assertThat(TestDumps.lines("example.jsonl")).isEqualTo(example.lines().toList());
  }

  @Test
  void header() {
    Header header = dump.header();
    assertThat(header.format()).isEqualTo("async-inspect-dump");
    assertThat(header.version()).isEqualTo("1.0");
    assertThat(header.agentVersion()).isEqualTo("0.1.0");
    assertThat(header.jvm())
        .containsExactly(
            Map.entry("name", "OpenJDK 64-Bit Server VM"),
            Map.entry("vendor", "Debian"),
            Map.entry("version", "17.0.15+6"));
    assertThat(header.jvmDescription()).isEqualTo("OpenJDK 64-Bit Server VM 17.0.15+6 (Debian)");
    assertThat(header.pid()).isEqualTo(4242);
    assertThat(header.mainClass()).isNull();
    assertThat(header.startTime()).isEqualTo("2026-11-21T10:00:00.000Z");
    assertThat(header.dumpTime()).isEqualTo("2026-11-21T10:00:01.500Z");
    assertThat(header.dumpNanos()).isEqualTo(1_500_000_000L);
    assertThat(header.reason()).isEqualTo("exit");
    assertThat(header.options()).containsExactly(Map.entry("dump", "app.aidump.jsonl"));
  }

  @Test
  void methodsAndAwaitPoints() {
    assertThat(dump.methods().keySet()).containsExactly(1, 2);
    assertThat(dump.method(1))
        .isEqualTo(
            new MethodInfo(
                1,
                "demo.UserService",
                "fetchUser",
                "(J)Ljava/util/concurrent/CompletableFuture;",
                "UserService.fetchUser",
                TaskKind.ASYNC,
                "UserService.java",
                20));
    assertThat(dump.method(2).kind()).isEqualTo(TaskKind.SYNC);
    assertThat(dump.method(3)).isNull();

    AwaitPointInfo point = dump.awaitPoint(1);
    assertThat(point)
        .isEqualTo(
            new AwaitPointInfo(
                1,
                2,
                "UserService.java",
                28,
                "CompletableFuture.join",
                new Callee(
                    "java.util.concurrent.CompletableFuture", "join", "()Ljava/lang/Object;"),
                AwaitKind.FUTURE,
                false));
    assertThat(point.location()).isEqualTo("UserService.java:28");
  }

  @Test
  void threadWithItsStack() {
    ThreadInfo thread = dump.thread(21).orElseThrow();
    assertThat(thread.name()).isEqualTo("loader");
    assertThat(thread.virtual()).isFalse();
    assertThat(thread.state()).isEqualTo("WAITING");
    assertThat(thread.daemon()).isTrue();
    assertThat(thread.lock()).isNull();
    assertThat(thread.lockOwner()).isNull();
    assertThat(thread.stack())
        .containsExactly(
            new StackFrame("jdk.internal.misc.Unsafe", "park", null, null, true),
            new StackFrame("demo.UserService", "loadProfile", "UserService.java", 28, false));
    assertThat(thread.stack().get(0)).hasToString("jdk.internal.misc.Unsafe.park(Native Method)");
    assertThat(thread.stack().get(1))
        .hasToString("demo.UserService.loadProfile(UserService.java:28)");
    assertThat(dump.thread(22)).isEmpty();
  }

  @Test
  void blockedTask() {
    TaskInfo task = dump.task(1).orElseThrow();
    assertThat(task)
        .isEqualTo(
            new TaskInfo(
                1,
                2,
                "UserService.loadProfile",
                TaskKind.SYNC,
                TaskState.BLOCKED,
                null,
                21L,
                21L,
                1000,
                null,
                2000,
                2,
                1000,
                0,
                0,
                new AwaitInfo(1, 1, 2000),
                null,
                List.of(),
                null));
    assertThat(dump.timeInState(task)).isEqualTo(1_500_000_000L - 2000);
  }

  @Test
  void suspendedTaskAndItsFuture() {
    TaskInfo task = dump.task(2).orElseThrow();
    assertThat(task.state()).isEqualTo(TaskState.SUSPENDED);
    assertThat(task.parent()).isEqualTo(1L);
    assertThat(task.thread()).isNull();
    assertThat(task.await()).isNull();
    assertThat(task.future()).isEqualTo(1);
    assertThat(task.holds()).isEmpty();

    ObjectInfo future = dump.object(task.future());
    assertThat(future)
        .isEqualTo(
            new ObjectInfo(
                1,
                ObjectKind.FUTURE,
                "java.util.concurrent.CompletableFuture",
                "5e9f23b4",
                false,
                null,
                2L,
                List.of(),
                null,
                null,
                List.of(1L)));
    assertThat(future.label()).isEqualTo("CompletableFuture@5e9f23b4");
  }

  @Test
  void statsEventsAndEnd() {
    assertThat(dump.methodStats())
        .containsExactly(new StatsInfo(1, 0, 0, 0, 0, 0, 0, 0, 0, Histogram.EMPTY));
    assertThat(dump.pointStats()).isEmpty();
    assertThat(dump.jvmDeadlocks()).isEmpty();
    assertThat(dump.events()).extracting(EventInfo::seq).containsExactly(0L, 1L, 2L, 3L);
    assertThat(dump.eventsOf(2))
        .containsExactly(
            new EventInfo(1, 1200, 2, TaskState.RUNNING, null),
            new EventInfo(2, 1900, 2, TaskState.SUSPENDED, null));
    assertThat(dump.events().get(3).point()).isEqualTo(1);

    assertThat(dump.complete()).isTrue();
    assertThat(dump.end().totalTasks()).isEqualTo(2);
    assertThat(dump.end().counts()).containsEntry("task", 2L).containsEntry("header", 1L);
    assertThat(dump.end().dropped()).containsEntry("events", 0L).hasSize(4);
    assertThat(dump.warnings()).isEmpty();
  }

  @Test
  void conveniences() {
    assertThat(dump.source()).isEqualTo(TestDumps.resource("example.jsonl"));
    assertThat(dump.tasksNamed("UserService.fetchUser"))
        .extracting(TaskInfo::id)
        .containsExactly(2L);
    assertThat(dump.tasksNamed("nothing")).isEmpty();
    assertThat(dump.task(3)).isEmpty();
  }
}
