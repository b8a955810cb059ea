package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path for task lines decodes what the general path decodes, and nothing else. */
class TaskLineTest {
  @TempDir Path dir;

  private static final String FULL =
      "{\"type\":\"task\",\"id\":15,\"method\":1,\"name\":\"OrderService.placeOrder\","
          + "\"kind\":\"ASYNC\",\"state\":\"BLOCKED\",\"parent\":3,\"thread\":35,"
          + "\"startThread\":35,\"start\":9000000000,\"stateSince\":9000000500,"
          + "\"transitions\":2,\"runningNanos\":500,\"blockedNanos\":0,\"suspendedNanos\":0,"
          + "\"await\":{\"point\":5,\"object\":5,\"since\":9000000500},\"future\":4,"
          + "\"holds\":[1,2]}";

  private static TaskInfo parse(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return new TaskLine().parse(bytes, bytes.length);
  }

  @Test
  void everyField() {
    assertThat(parse(FULL))
        .isEqualTo(
            new TaskInfo(
                15,
                1,
                "OrderService.placeOrder",
                TaskKind.ASYNC,
                TaskState.BLOCKED,
                3L,
                35L,
                35L,
                9_000_000_000L,
                null,
                9_000_000_500L,
                2,
                500,
                0,
                0,
                new AwaitInfo(5, 5, 9_000_000_500L),
                4,
                List.of(1, 2),
                null));
  }

  @Test
  void fieldsInAnyOrderWithTheFormat11SpawnPointAndExecutor() {
    String line =
        "{\"type\":\"task\",\"state\":\"COMPLETED\",\"kind\":\"SYNC\",\"spawnPoint\":3,"
            + "\"id\":2,\"method\":7,\"name\":\"a-b c\",\"start\":1,\"end\":9,\"stateSince\":9,"
            + "\"transitions\":2,\"runningNanos\":8,\"blockedNanos\":0,\"suspendedNanos\":0,"
            + "\"executor\":4,\"holds\":[]}";
    assertThat(parse(line))
        .isEqualTo(
            new TaskInfo(
                2,
                7,
                "a-b c",
                TaskKind.SYNC,
                TaskState.COMPLETED,
                null,
                null,
                null,
                1,
                9L,
                9,
                2,
                8,
                0,
                0,
                null,
                null,
                List.of(),
                null,
                3,
                4));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"id\":15,", // a duplicate
        "\"name\":\"OrderService.placeOrder\",", // a required field missing
        "\"holds\":[1,2]", // no closing brace
      })
  void brokenOrIncompleteLinesGoTheGeneralWay(String removeOrRepeat) {
    String line =
        removeOrRepeat.equals("\"id\":15,")
            ? FULL.replace("\"id\":15,", "\"id\":15,\"id\":15,")
            : FULL.replace(
                removeOrRepeat, removeOrRepeat.equals("\"holds\":[1,2]") ? "\"holds\":[1,2" : "");
    assertThat(parse(line)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"name\":\"caf\\u00e9\"", // an escape
        "\"name\":\"café\"", // non-ASCII
        "\"method\":2147483648", // beyond 32 bits
        "\"start\":1.5", // not an integer
        "\"state\":\"SLEEPING\"", // an unknown state
        "\"await\":{\"point\":5}", // await without since
        "\"error\":{\"class\":\"E\",\"message\":\"a\\nb\"}", // an escape in a message
        "\"error\":{\"class\":\"E\",\"stack\":[{\"class\":\"C\"}]}", // a frame without method
        "\"error\":{\"class\":\"E\",\"class\":\"F\"}", // a field twice
        "\"error\":{\"class\":\"E\",\"hint\":1}", // a field it does not know
        "\"error\":{\"message\":\"m\"}", // no class
        "\"error\":{\"class\":\"E\",\"stack\":[{\"class\":\"C\",\"method\":\"m\",\"native\":1}]}",
        "\"error\":{\"class\":\"E\",\"message\":null}", // null: the general path omits it
        "\"extra\":1", // a field it does not know: maybe one a newer reader models
        "\"spawnPoint\":1,\"spawnPoint\":2", // twice: the general path refuses it
        "\"executor\":\"x\"", // not an object id
        "\"id\" :15", // a space
      })
  void anythingOutsideTheSubsetGoesTheGeneralWay(String field) {
    String line =
        FULL.replaceFirst("\"" + field.substring(1, field.indexOf('"', 1)) + "\":[^,]*(,|})", "");
    line = line.substring(0, line.length() - 1) + "," + field + "}";
    assertThat(parse(line)).isNull();
  }

  private static byte[] task(long id, String name, long parent, long thread) {
    return ("{\"type\":\"task\",\"id\":"
            + id
            + ",\"method\":1,\"name\":\""
            + name
            + "\",\"kind\":\"SYNC\",\"state\":\"RUNNING\",\"parent\":"
            + parent
            + ",\"thread\":"
            + thread
            + ",\"startThread\":"
            + thread
            + ",\"start\":1,\"stateSince\":1,\"transitions\":1,\"runningNanos\":0,"
            + "\"blockedNanos\":0,\"suspendedNanos\":0}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void namesAndIdsThatRepeatFromLineToLineAreOneObjectEach() {
    TaskLine parser = new TaskLine();
    List<TaskInfo> tasks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      byte[] line = task(100 + i, "Shop.step" + i % 3, 7 + i / 4, 30 + i % 2);
      tasks.add(parser.parse(line, line.length));
    }
    for (int i = 0; i < 12; i++) {
      TaskInfo task = tasks.get(i);
      assertThat(task.name()).isEqualTo("Shop.step" + i % 3);
      assertThat(task.parent()).isEqualTo(7 + i / 4);
      assertThat(task.thread()).isEqualTo(30 + i % 2).isSameAs(task.startThread());
      if (i >= 3) {
        assertThat(task.name()).isSameAs(tasks.get(i - 3).name());
      }
      if (i >= 2) {
        assertThat(task.thread()).isSameAs(tasks.get(i - 2).thread());
      }
      if (i % 4 > 0) {
        assertThat(task.parent()).isSameAs(tasks.get(i - 1).parent());
      }
    }
  }

  @Test
  void manyDistinctNamesAndIdsEachReadRightThoughTheyShareSlots() {
    TaskLine parser = new TaskLine();
    for (int i = 0; i < 20_000; i++) {
      // More names, parents and threads than the caches have slots, and ids 2^32 apart, whose
      // slots collide.
      long thread = (i % 3000) + ((long) (i % 5) << 32);
      byte[] line = task(i, "Svc" + i % 5000 + ".m", i * 1024L, thread);
      TaskInfo task = parser.parse(line, line.length);
      assertThat(task.name()).isEqualTo("Svc" + i % 5000 + ".m");
      assertThat(task.parent()).isEqualTo(i * 1024L);
      assertThat(task.thread()).isEqualTo(thread);
      assertThat(task.startThread()).isEqualTo(thread);
    }
  }

  private static final String BARE_FAILED =
      "{\"type\":\"task\",\"id\":9,\"method\":1,\"name\":\"x\",\"kind\":\"SYNC\","
          + "\"state\":\"FAILED\",\"start\":1,\"end\":2,\"stateSince\":2,\"transitions\":2,"
          + "\"runningNanos\":1,\"blockedNanos\":0,\"suspendedNanos\":0,\"error\":";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"class\":\"E\"}",
        "{\"class\":\"E\",\"message\":\"m\",\"stack\":[]}",
        "{\"stack\":[{\"method\":\"m\",\"class\":\"C\",\"line\":-2}],\"class\":\"E\"}",
        "{\"class\":\"java.util.concurrent.CompletionException\",\"message\":\"x: y\","
            + "\"stack\":[{\"class\":\"a.B\",\"method\":\"m\",\"file\":\"B.java\",\"line\":3},"
            + "{\"class\":\"a.B\",\"method\":\"m\",\"file\":\"B.java\",\"line\":3},"
            + "{\"class\":\"jdk.internal.misc.Unsafe\",\"method\":\"park\",\"native\":true},"
            + "{\"class\":\"a.C\",\"method\":\"n\",\"file\":\"C.java\",\"native\":false}],"
            + "\"framesOmitted\":12,\"cause\":{\"class\":\"java.io.IOException\","
            + "\"stack\":[{\"class\":\"a.B\",\"method\":\"m\",\"file\":\"B.java\",\"line\":4}],"
            + "\"cause\":{\"class\":\"E\",\"message\":\"\"}}}",
      })
  void failuresReadAsTheGeneralPathReadsThem(String error) throws IOException {
    String line = BARE_FAILED + error + "}";
    TaskInfo fast = parse(line);
    assertThat(fast).isNotNull();
    Dump general =
        DumpReader.read(
            TestDumps.write(
                dir, "general.jsonl", withTask(line.replaceFirst("\"id\":", "\"id\": "))));
    assertThat(general.warnings()).isEmpty();
    assertThat(fast).isEqualTo(general.task(9).orElseThrow());
  }

  @Test
  void equalFramesAreOneObject() {
    TaskInfo task =
        parse(
            BARE_FAILED
                + "{\"class\":\"E\",\"stack\":[{\"class\":\"a.B\",\"method\":\"m\",\"line\":3},"
                + "{\"class\":\"a.B\",\"method\":\"m\",\"line\":3},"
                + "{\"class\":\"a.B\",\"method\":\"m\",\"line\":4},"
                + "{\"class\":\"a.B\",\"method\":\"m\"}]}}");
    List<StackFrame> stack = task.error().stack();
    assertThat(stack.get(1)).isSameAs(stack.get(0));
    assertThat(stack.get(2).line()).isEqualTo(4);
    assertThat(stack.get(3).line()).isNull();
  }

  @Test
  void aCauseChainDeeperThanTheGeneralPathAcceptsGoesTheGeneralWay() {
    String deepest = "{\"class\":\"E\"}";
    String chain = deepest;
    for (int depth = 0; depth < RecordDecoder.MAX_CAUSE_DEPTH; depth++) {
      chain = "{\"class\":\"E\",\"cause\":" + chain + "}";
    }
    assertThat(parse(BARE_FAILED + chain + "}")).isNotNull();
    assertThat(parse(BARE_FAILED + "{\"class\":\"E\",\"cause\":" + chain + "}}")).isNull();
  }

  /** The example dump with {@code task} as a third task. */
  private static List<String> withTask(String task) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : TestDumps.lines("example.jsonl")) {
      if (line.startsWith("{\"type\":\"end\"")) {
        lines.add(task);
        line = line.replace("\"task\":2,", "\"task\":3,");
      }
      lines.add(line);
    }
    return lines;
  }

  @Test
  void oneParserReadsLineAfterLineWithoutCarryingFieldsOver() {
    TaskLine parser = new TaskLine();
    byte[] full =
        FULL.replace("\"holds\"", "\"spawnPoint\":1,\"executor\":2,\"holds\"")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bare =
        ("{\"type\":\"task\",\"id\":2,\"method\":7,\"name\":\"x\",\"kind\":\"SYNC\","
                + "\"state\":\"RUNNING\",\"start\":1,\"stateSince\":1,\"transitions\":1,"
                + "\"runningNanos\":0,\"blockedNanos\":0,\"suspendedNanos\":0}")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(full, full.length)).isNotNull();
    TaskInfo second = parser.parse(bare, bare.length);
    assertThat(second.parent()).isNull();
    assertThat(second.await()).isNull();
    assertThat(second.future()).isNull();
    assertThat(second.holds()).isEmpty();
    assertThat(second.spawnPoint()).isNull();
    assertThat(second.executor()).isNull();
  }

  @Test
  void theRichDumpReadsTheSameWhicheverPathItsTasksTake() throws IOException {
    List<String> fast = TestDumps.lines("rich.jsonl");
    List<String> general = new ArrayList<>();
    for (String line : fast) {
      general.add(line.startsWith("{\"type\":\"task\"") ? line.replaceFirst(":", ": ") : line);
    }
    Dump viaFastPath = DumpReader.read(TestDumps.write(dir, "fast.jsonl", fast));
    Dump viaGeneralPath = DumpReader.read(TestDumps.write(dir, "general.jsonl", general));
    assertThat(viaFastPath.tasks()).hasSize(9).isEqualTo(viaGeneralPath.tasks());
    assertThat(viaFastPath.warnings()).isEqualTo(viaGeneralPath.warnings());
  }
}
