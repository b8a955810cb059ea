package dev.asyncinspect.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncinspect.agent.bootstrap.DumpWriter;
import dev.asyncinspect.agent.bootstrap.Recorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Installs the agent into the test JVM (Surefire forks one JVM per test class) and reads back what
 * it recorded through a real dump. Classes that use {@code @Trace} must be loaded after {@link
 * #install}.
 */
final class InProcessAgent {
  private static final ObjectMapper JSON = new ObjectMapper();

  static synchronized void install(String options) {
    if (Recorder.active() == null) {
      Installer.install(options, ByteBuddyAgent.install());
    }
  }

  /** Writes a dump of the recorder now and parses it. */
  static Dump dump(Path dir) {
    try {
      Path file = Files.createTempFile(dir, "dump", ".aidump.jsonl");
      new DumpWriter(Recorder.active(), "test", Map.of()).write(file, "request");
      List<JsonNode> records = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        records.add(JSON.readTree(line));
      }
      return new Dump(records);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line of {@code // at:marker} in a fixture's source file. */
  static int line(String fixture, String marker) {
    Path source = Path.of("src/test/java/dev/asyncinspect/fixtures", fixture + ".java");
    try {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).endsWith("// at:" + marker)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no marker " + marker + " in " + source);
  }

  /** The records of one dump, with look-ups by type and id. */
  record Dump(List<JsonNode> records) {
    List<JsonNode> ofType(String type) {
      return records.stream()
          .filter(r -> r.path("type").asText().equals(type))
          .collect(Collectors.toList());
    }

    JsonNode one(String type, Predicate<JsonNode> filter) {
      List<JsonNode> found = ofType(type).stream().filter(filter).collect(Collectors.toList());
      if (found.size() != 1) {
        throw new AssertionError("expected one " + type + ", found " + found);
      }
      return found.get(0);
    }

    JsonNode byId(String type, long id) {
      return one(type, r -> r.path("id").asLong() == id);
    }

    List<JsonNode> tasksNamed(String name) {
      return ofType("task").stream()
          .filter(t -> t.path("name").asText().equals(name))
          .collect(Collectors.toList());
    }

    JsonNode task(long id) {
      return byId("task", id);
    }

    /** The task named {@code name} started last (ids follow start order only per thread). */
    JsonNode lastTaskNamed(String name) {
      List<JsonNode> tasks = tasksNamed(name);
      if (tasks.isEmpty()) {
        throw new AssertionError("no task named " + name + " in " + ofType("task"));
      }
      JsonNode last = tasks.get(0);
      for (JsonNode task : tasks) {
        if (task.path("start").asLong() >= last.path("start").asLong()) {
          last = task;
        }
      }
      return last;
    }

    /** The await point at the line of {@code // at:marker} in a fixture's source file. */
    JsonNode awaitPointAt(String fixture, String marker) {
      int line = line(fixture, marker);
      return one("awaitPoint", p -> p.path("line").asInt() == line);
    }

    /** The statistics of an await point. */
    JsonNode statsOf(JsonNode point) {
      return one("pointStats", s -> s.path("point").asLong() == point.path("id").asLong());
    }

    /** The await point of a BLOCKED task. */
    JsonNode awaitPointOf(JsonNode task) {
      return byId("awaitPoint", task.path("await").path("point").asLong());
    }
  }

  private InProcessAgent() {}
}
