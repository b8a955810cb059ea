package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random task lines, in the agent's shape and bent out of it (fields reordered, repeated, unknown,
 * badly typed; failures with causes, escapes and frames of every shape): whatever the fast path
 * accepts, it decodes exactly as the general path does, and what the general path refuses the fast
 * path does not accept. One parser reads all lines, as in a dump.
 */
class TaskLinesAgainstTheGeneralPathTest {
  private static final String[] NAMES = {
    "Shop.order", "a-b c", "Svc.m", "caf\\u00e9", "café", "quote\\\"d", "tab\\there", ""
  };
  private static final String[] STATES = {
    "RUNNING", "BLOCKED", "SUSPENDED", "COMPLETED", "FAILED", "CANCELLED", "QUEUED", "SLEEPING"
  };
  private static final String[] KINDS = {"SYNC", "ASYNC", "SPAWNED", "OTHER"};
  private static final String[] NUMBERS = {
    "0",
    "7",
    "-3",
    "2147483647",
    "2147483648",
    "123456789012345678",
    "1234567890123456789",
    "01",
    "1.5",
    "\"9\"",
    "null",
    "-0"
  };

  private final Random random = new Random(20261122);

  @Test
  void theFastPathAcceptsOnlyWhatTheGeneralPathReadsTheSame() throws Exception {
    TaskLine fast = new TaskLine();
    int accepted = 0;
    int refusedByBoth = 0;
    for (int i = 0; i < 20_000; i++) {
      String line = line();
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      TaskInfo viaFastPath = fast.parse(bytes, bytes.length);
      TaskInfo viaGeneralPath = general(bytes);
      if (viaGeneralPath == null) {
        assertThat(viaFastPath).as(line).isNull();
        refusedByBoth++;
      } else if (viaFastPath != null) {
        assertThat(viaFastPath).as(line).isEqualTo(viaGeneralPath);
        accepted++;
      }
    }
    // The generator exercises both sides: many lines on the fast path, many refused.
    assertThat(accepted).isGreaterThan(4_000);
    assertThat(refusedByBoth).isGreaterThan(2_000);
  }

  private static TaskInfo general(byte[] bytes) {
    try {
      JsonFields fields =
          new JsonFields(
              JsonLineParser.parseObject(bytes, bytes.length),
              Path.of("random.jsonl"),
              1,
              "task",
              null);
      return RecordDecoder.task(fields, new Interner());
    } catch (MalformedLineException | DumpFormatException e) {
      return null;
    }
  }

  private String line() {
    List<String> fields = new ArrayList<>();
    fields.add("\"id\":" + (random.nextInt(10) == 0 ? pick(NUMBERS) : random.nextInt(1 << 20)));
    fields.add("\"method\":" + (random.nextInt(10) == 0 ? pick(NUMBERS) : random.nextInt(300)));
    fields.add("\"name\":\"" + pick(NAMES) + "\"");
    fields.add(
        "\"kind\":\"" + (random.nextInt(20) == 0 ? pick(KINDS) : KINDS[random.nextInt(3)]) + "\"");
    fields.add(
        "\"state\":\""
            + (random.nextInt(20) == 0 ? pick(STATES) : STATES[random.nextInt(7)])
            + "\"");
    optional(fields, "parent", number());
    optional(fields, "thread", number());
    optional(fields, "startThread", number());
    fields.add("\"start\":" + number());
    optional(fields, "end", number());
    fields.add("\"stateSince\":" + number());
    fields.add("\"transitions\":" + random.nextInt(40));
    fields.add("\"runningNanos\":" + number());
    fields.add("\"blockedNanos\":" + number());
    fields.add("\"suspendedNanos\":" + number());
    if (random.nextInt(4) == 0) {
      fields.add(
          "\"await\":{\"point\":"
              + random.nextInt(9)
              + (random.nextBoolean() ? ",\"object\":" + random.nextInt(9) : "")
              + (random.nextInt(10) > 0 ? ",\"since\":" + number() : "")
              + "}");
    }
    optional(fields, "future", String.valueOf(random.nextInt(50)));
    if (random.nextInt(4) == 0) {
      fields.add("\"holds\":[" + (random.nextBoolean() ? "" : random.nextInt(9) + ",3") + "]");
    }
    optional(fields, "spawnPoint", String.valueOf(random.nextInt(20)));
    optional(fields, "executor", String.valueOf(random.nextInt(20)));
    if (random.nextInt(3) == 0) {
      fields.add("\"error\":" + error(0));
    }
    bend(fields);
    return "{\"type\":\"task\"," + String.join(",", fields) + "}";
  }

  private String error(int depth) {
    List<String> fields = new ArrayList<>();
    if (random.nextInt(30) > 0) {
      fields.add("\"class\":\"" + pick("java.io.IOException", "E", "a.B$C", "x\\\"y") + "\"");
    }
    if (random.nextBoolean()) {
      fields.add(
          "\"message\":"
              + pick("\"m\"", "\"upstream 3 failed\"", "\"a\\nb\"", "\"\"", "null", "\"é\"", "7"));
    }
    if (random.nextInt(5) > 0) {
      List<String> frames = new ArrayList<>();
      for (int i = random.nextInt(5); i > 0; i--) {
        frames.add(frame());
      }
      fields.add("\"stack\":[" + String.join(",", frames) + "]");
    }
    if (random.nextInt(4) == 0) {
      fields.add("\"framesOmitted\":" + pick("3", "0", "-1", "x", "2147483648"));
    }
    if (depth < 3 && random.nextInt(3) == 0) {
      fields.add("\"cause\":" + error(depth + 1));
    }
    bend(fields);
    return "{" + String.join(",", fields) + "}";
  }

  private String frame() {
    List<String> fields = new ArrayList<>();
    if (random.nextInt(20) > 0) {
      fields.add("\"class\":\"" + pick("a.B", "a.C", "jdk.internal.misc.Unsafe") + "\"");
    }
    if (random.nextInt(20) > 0) {
      fields.add("\"method\":\"" + pick("m", "park", "run") + "\"");
    }
    if (random.nextBoolean()) {
      fields.add("\"file\":\"" + pick("B.java", "C.java") + "\"");
    }
    if (random.nextBoolean()) {
      fields.add("\"line\":" + pick("3", "4", "-2", "2147483648", "1.0"));
    }
    if (random.nextInt(4) == 0) {
      fields.add("\"native\":" + pick("true", "false", "1", "null"));
    }
    bend(fields);
    return "{" + String.join(",", fields) + "}";
  }

  /** Sometimes out of the agent's shape: reordered, a field twice, an unknown one, a space. */
  private void bend(List<String> fields) {
    if (fields.isEmpty()) {
      return;
    }
    if (random.nextInt(5) == 0) {
      Collections.shuffle(fields, random);
    }
    if (random.nextInt(40) == 0) {
      fields.add(fields.get(random.nextInt(fields.size())));
    }
    if (random.nextInt(40) == 0) {
      fields.add(random.nextInt(fields.size()), "\"extra\":1");
    }
    if (random.nextInt(60) == 0) {
      int at = random.nextInt(fields.size());
      fields.set(at, fields.get(at).replaceFirst(":", ": "));
    }
  }

  private void optional(List<String> fields, String name, String value) {
    if (random.nextBoolean()) {
      fields.add("\"" + name + "\":" + value);
    }
  }

  private String number() {
    return random.nextInt(15) == 0
        ? pick(NUMBERS)
        : String.valueOf(random.nextLong() & ((1L << (1 + random.nextInt(50))) - 1));
  }

  private String pick(String... values) {
    return values[random.nextInt(values.length)];
  }
}
