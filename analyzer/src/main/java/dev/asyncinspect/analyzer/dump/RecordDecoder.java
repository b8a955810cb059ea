package dev.asyncinspect.analyzer.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the JSON fields of one record into its model record, field by field as docs/dump-format.md
 * specifies. Fields the format marks as known-only-sometimes are optional; the others are required,
 * and a missing one is an error at its line.
 */
final class RecordDecoder {
  /** The cause chain is cut after 8 levels by the agent; this only guards against a bad file. */
  static final int MAX_CAUSE_DEPTH = 64;

  private RecordDecoder() {}

  static Header header(JsonFields f) throws DumpFormatException {
    return new Header(
        f.requiredString("format"),
        f.requiredString("version"),
        f.requiredString("agentVersion"),
        JsonContainers.stringMap(f, "jvm"),
        f.requiredLong("pid"),
        f.optionalString("mainClass"),
        f.requiredString("startTime"),
        f.requiredString("dumpTime"),
        f.requiredLong("dumpNanos"),
        f.requiredString("reason"),
        JsonContainers.stringMap(f, "options"));
  }

  static MethodInfo method(JsonFields f) throws DumpFormatException {
    return new MethodInfo(
        f.requiredInt("id"),
        f.requiredString("class"),
        f.requiredString("name"),
        f.requiredString("descriptor"),
        f.requiredString("task"),
        f.requiredEnum("kind", TaskKind.class),
        f.optionalString("file"),
        f.optionalInt("line"));
  }

  static AwaitPointInfo awaitPoint(JsonFields f) throws DumpFormatException {
    return new AwaitPointInfo(
        f.requiredInt("id"),
        f.requiredInt("method"),
        f.optionalString("file"),
        f.optionalInt("line"),
        f.requiredString("operation"),
        callee(f.optionalObject("callee")),
        f.requiredEnum("kind", AwaitKind.class),
        f.requiredBoolean("timed"));
  }

  private static Callee callee(JsonFields callee) throws DumpFormatException {
    return callee == null
        ? null
        : new Callee(
            callee.requiredString("owner"),
            callee.requiredString("name"),
            callee.requiredString("descriptor"));
  }

  static ThreadInfo thread(JsonFields f, Interner frames) throws DumpFormatException {
    return new ThreadInfo(
        f.requiredLong("id"),
        f.requiredString("name"),
        f.requiredBoolean("virtual"),
        f.requiredString("state"),
        f.optionalBoolean("daemon"),
        f.optionalString("lock"),
        f.optionalLong("lockOwner"),
        frames(JsonContainers.objectList(f, "stack"), frames));
  }

  static TaskInfo task(JsonFields f, Interner frames) throws DumpFormatException {
    JsonFields await = f.optionalObject("await");
    JsonFields error = f.optionalObject("error");
    return new TaskInfo(
        f.requiredLong("id"),
        f.requiredInt("method"),
        f.requiredString("name"),
        f.requiredEnum("kind", TaskKind.class),
        f.requiredEnum("state", TaskState.class),
        f.optionalLong("parent"),
        f.optionalLong("thread"),
        f.optionalLong("startThread"),
        f.requiredLong("start"),
        f.optionalLong("end"),
        f.requiredLong("stateSince"),
        f.requiredInt("transitions"),
        f.requiredLong("runningNanos"),
        f.requiredLong("blockedNanos"),
        f.requiredLong("suspendedNanos"),
        await == null
            ? null
            : new AwaitInfo(
                await.requiredInt("point"),
                await.optionalInt("object"),
                await.requiredLong("since")),
        f.optionalInt("future"),
        JsonContainers.intList(f, "holds"),
        error == null ? null : error(error, 0, frames),
        f.optionalInt("spawnPoint"),
        f.optionalInt("executor"));
  }

  static ObjectInfo object(JsonFields f) throws DumpFormatException {
    ObjectKind kind = f.requiredEnum("kind", ObjectKind.class);
    return new ObjectInfo(
        f.requiredInt("id"),
        kind,
        f.requiredString("class"),
        f.requiredString("identity"),
        f.optionalBoolean("done"),
        f.optionalString("state"),
        f.optionalLong("producer"),
        JsonContainers.longList(f, "holders"),
        f.optionalBoolean("locked"),
        f.optionalLong("thread"),
        JsonContainers.longList(f, "waiters"),
        JsonContainers.intList(f, "sources"),
        kind == ObjectKind.EXECUTOR ? executor(f) : null);
  }

  private static ExecutorInfo executor(JsonFields f) throws DumpFormatException {
    return new ExecutorInfo(
        f.optionalString("executorKind"),
        f.optionalInt("poolSize"),
        f.optionalInt("corePoolSize"),
        f.optionalInt("maximumPoolSize"),
        f.optionalInt("parallelism"),
        f.optionalInt("activeCount"),
        f.optionalLong("queueSize"),
        JsonContainers.longList(f, "queued"),
        JsonContainers.longList(f, "running"));
  }

  static SpawnPointInfo spawnPoint(JsonFields f) throws DumpFormatException {
    return new SpawnPointInfo(
        f.requiredInt("id"),
        f.requiredInt("method"),
        f.optionalString("file"),
        f.optionalInt("line"),
        f.requiredString("operation"),
        callee(f.optionalObject("callee")));
  }

  static PinnedInfo pinned(JsonFields f, Interner frames) throws DumpFormatException {
    return new PinnedInfo(
        f.requiredLong("thread"),
        f.optionalLong("task"),
        f.optionalInt("point"),
        f.requiredLong("start"),
        f.requiredLong("duration"),
        frames(JsonContainers.objectList(f, "stack"), frames));
  }

  static JvmDeadlockInfo jvmDeadlock(JsonFields f) throws DumpFormatException {
    return new JvmDeadlockInfo(JsonContainers.longList(f, "threads"));
  }

  /** A methodStats or pointStats record; {@code idField} is {@code method} or {@code point}. */
  static StatsInfo stats(JsonFields f, String idField) throws DumpFormatException {
    List<Histogram.Bucket> buckets = new ArrayList<>();
    for (JsonContainers.Pair pair : JsonContainers.pairList(f, "histogram")) {
      if (pair.first() < 0 || pair.first() > Histogram.MAX_BUCKET) {
        throw f.error(
            "histogram: bucket " + pair.first() + " is outside 0.." + Histogram.MAX_BUCKET);
      }
      buckets.add(new Histogram.Bucket((int) pair.first(), pair.second()));
    }
    return new StatsInfo(
        f.requiredInt(idField),
        f.requiredLong("count"),
        f.requiredLong("failed"),
        f.longOr("cancelled", 0),
        f.requiredLong("totalNanos"),
        f.requiredLong("maxNanos"),
        f.longOr("runningNanos", 0),
        f.longOr("blockedNanos", 0),
        f.longOr("suspendedNanos", 0),
        new Histogram(buckets));
  }

  static EventInfo event(JsonFields f) throws DumpFormatException {
    return new EventInfo(
        f.requiredLong("seq"),
        f.requiredLong("t"),
        f.requiredLong("task"),
        f.requiredEnum("state", TaskState.class),
        f.optionalInt("point"));
  }

  static EndInfo end(JsonFields f) throws DumpFormatException {
    return new EndInfo(
        JsonContainers.longMap(f, "counts"),
        JsonContainers.longMap(f, "dropped"),
        f.requiredLong("totalTasks"));
  }

  private static ErrorInfo error(JsonFields f, int depth, Interner frames)
      throws DumpFormatException {
    if (depth > MAX_CAUSE_DEPTH) {
      throw f.error("cause chain deeper than " + MAX_CAUSE_DEPTH);
    }
    JsonFields cause = f.optionalObject("cause");
    return new ErrorInfo(
        f.requiredString("class"),
        f.optionalString("message"),
        frames(JsonContainers.objectList(f, "stack"), frames),
        f.intOr("framesOmitted", 0),
        cause == null ? null : error(cause, depth + 1, frames));
  }

  private static List<StackFrame> frames(List<JsonFields> list, Interner interner)
      throws DumpFormatException {
    List<StackFrame> frames = new ArrayList<>(list.size());
    for (JsonFields frame : list) {
      Boolean nativeMethod = frame.optionalBoolean("native");
      frames.add(
          interner.intern(
              new StackFrame(
                  frame.requiredString("class"),
                  frame.requiredString("method"),
                  frame.optionalString("file"),
                  frame.optionalInt("line"),
                  nativeMethod != null && nativeMethod)));
    }
    return frames;
  }
}
