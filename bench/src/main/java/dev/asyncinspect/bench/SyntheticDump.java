package dev.asyncinspect.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a synthetic, valid dump (docs/dump-format.md, version 1.0) of a {@link Workload}: every
 * record type the analyzer reads, in the format's order, with consistent ids, times and counts. Run
 * it on its own to get a dump for other uses:
 *
 * <pre>java -cp ... dev.asyncinspect.bench.SyntheticDump OUT EVENTS TASKS</pre>
 */
public final class SyntheticDump {
  private final Workload workload;
  private final LiveObjects objects;
  private final RecordWriter out;

  private SyntheticDump(Workload workload, RecordWriter out) {
    this.workload = workload;
    this.objects = LiveObjects.assign(workload);
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: SyntheticDump OUT EVENTS TASKS");
      System.exit(2);
    }
    write(Path.of(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]));
  }

  /** Writes a dump of {@code events} events and {@code tasks} tasks to {@code file}, atomically. */
  public static void write(Path file, long events, int tasks) throws IOException {
    Workload workload = Workload.plan(events, tasks, 42);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream stream = Files.newOutputStream(temp);
        RecordWriter writer = new RecordWriter(stream)) {
      new SyntheticDump(workload, writer).writeAll();
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void writeAll() throws IOException {
    header();
    methods();
    Threads.write(out, workload, objects);
    TaskRecords.write(out, workload, objects);
    objects.write(out);
    stats("methodStats", "method", workload.methodStats, true);
    stats("pointStats", "point", workload.pointStats, false);
    EventMerge.write(out, workload.tasks);
    end();
  }

  private void header() throws IOException {
    JsonGenerator json = out.begin("header");
    json.writeStringField("format", "async-inspect-dump");
    json.writeStringField("version", "1.0");
    json.writeStringField("agentVersion", "synthetic");
    json.writeObjectFieldStart("jvm");
    json.writeStringField("name", "OpenJDK 64-Bit Server VM");
    json.writeStringField("vendor", "synthetic");
    json.writeStringField("version", "21");
    json.writeEndObject();
    json.writeNumberField("pid", 4242);
    json.writeStringField("mainClass", "com.acme.shop.ShopApp");
    json.writeStringField("startTime", "2026-11-21T10:00:00.000Z");
    json.writeStringField("dumpTime", "2026-11-21T10:00:10.000Z");
    json.writeNumberField("dumpNanos", workload.dumpNanos);
    json.writeStringField("reason", "request");
    json.writeObjectFieldStart("options");
    json.writeStringField("maxFinishedTasks", Integer.toString(workload.tasks.size()));
    json.writeEndObject();
    out.end();
  }

  private void methods() throws IOException {
    for (int m = 1; m <= Workload.METHODS; m++) {
      JsonGenerator json = out.begin("method");
      json.writeNumberField("id", m);
      json.writeStringField("class", Names.className(m));
      json.writeStringField("name", Names.methodName(m));
      json.writeStringField(
          "descriptor",
          Workload.isAsync(m) ? "(J)Ljava/util/concurrent/CompletableFuture;" : "(J)V");
      json.writeStringField("task", Names.task(m));
      json.writeStringField("kind", Workload.isAsync(m) ? "ASYNC" : "SYNC");
      json.writeStringField("file", Names.file(m));
      json.writeNumberField("line", 10 * m);
      out.end();
    }
    String[][] operations = {
      {"CompletableFuture.join", "FUTURE", "java.util.concurrent.CompletableFuture", "join"},
      {"ReentrantLock.lock", "LOCK", "java.util.concurrent.locks.ReentrantLock", "lock"},
      {"Thread.sleep", "SLEEP", "java.lang.Thread", "sleep"}
    };
    for (int m = 1; m <= Workload.METHODS; m++) {
      for (int i = 0; i < Workload.POINTS_PER_METHOD; i++) {
        JsonGenerator json = out.begin("awaitPoint");
        json.writeNumberField("id", Workload.pointId(m, i));
        json.writeNumberField("method", m);
        json.writeStringField("file", Names.file(m));
        json.writeNumberField("line", 10 * m + 2 + i);
        json.writeStringField("operation", operations[i][0]);
        json.writeObjectFieldStart("callee");
        json.writeStringField("owner", operations[i][2]);
        json.writeStringField("name", operations[i][3]);
        json.writeStringField("descriptor", i == 2 ? "(J)V" : "()Ljava/lang/Object;");
        json.writeEndObject();
        json.writeStringField("kind", operations[i][1]);
        json.writeBooleanField("timed", i == 2);
        out.end();
      }
    }
  }

  private void stats(String type, String idField, StatsTally[] tallies, boolean ofMethods)
      throws IOException {
    for (int id = 1; id < tallies.length; id++) {
      StatsTally stats = tallies[id];
      JsonGenerator json = out.begin(type);
      json.writeNumberField(idField, id);
      json.writeNumberField("count", stats.count);
      json.writeNumberField("failed", stats.failed);
      if (ofMethods) {
        json.writeNumberField("cancelled", stats.cancelled);
      }
      json.writeNumberField("totalNanos", stats.totalNanos);
      json.writeNumberField("maxNanos", stats.maxNanos);
      if (ofMethods) {
        json.writeNumberField("runningNanos", stats.runningNanos);
        json.writeNumberField("blockedNanos", stats.blockedNanos);
        json.writeNumberField("suspendedNanos", stats.suspendedNanos);
      }
      json.writeArrayFieldStart("histogram");
      for (int bucket = 0; bucket < stats.buckets.length; bucket++) {
        if (stats.buckets[bucket] > 0) {
          json.writeStartArray();
          json.writeNumber(bucket);
          json.writeNumber(stats.buckets[bucket]);
          json.writeEndArray();
        }
      }
      json.writeEndArray();
      out.end();
    }
  }

  private void end() throws IOException {
    var counts = new java.util.LinkedHashMap<>(out.counts());
    JsonGenerator json = out.begin("end");
    json.writeObjectFieldStart("counts");
    for (var entry : counts.entrySet()) {
      json.writeNumberField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("dropped");
    for (String what : new String[] {"tasks", "finishedTasks", "events", "holds"}) {
      json.writeNumberField(what, 0);
    }
    json.writeEndObject();
    json.writeNumberField("totalTasks", workload.tasks.size());
    out.end();
  }

  /** Whether the task's last event left it blocked: the only state with an await record. */
  static boolean blocked(TaskPlan task) {
    return task.live() && task.finalState() == TaskState.BLOCKED;
  }
}
