package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.Header;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a dump is, as a JSON-ready tree: its file and header, whether it is complete, how many
 * records of each kind it holds, its tasks by state, what the agent dropped, and the reader's
 * warnings. Fields of the end record are omitted for a truncated dump, which has none.
 *
 * <pre>
 * {"file": "app.aidump.jsonl", "complete": true, "formatVersion": "1.0", "agentVersion": "0.1.0",
 *  "pid": 4242, "mainClass": "demo.App", "jvm": {"name": ..., "vendor": ..., "version": ...},
 *  "reason": "exit", "startTime": "...", "dumpTime": "...", "dumpNanos": 1500000000,
 *  "records": {"methods": 2, "awaitPoints": 1, "threads": 1, "tasks": 2, "objects": 1,
 *              "jvmDeadlocks": 0, "events": 4},
 *  "tasksByState": {"BLOCKED": 1, "SUSPENDED": 1}, "totalTasks": 2,
 *  "dropped": {"tasks": 0, "finishedTasks": 0, "events": 0, "holds": 0}, "warnings": []}
 * </pre>
 */
public final class DumpSummaryJson {
  private DumpSummaryJson() {}

  /** The JSON-ready summary of a dump. */
  public static Map<String, Object> view(Dump dump) {
    Header header = dump.header();
    Map<String, Object> records = new LinkedHashMap<>();
    records.put("methods", dump.methods().size());
    records.put("awaitPoints", dump.awaitPoints().size());
    records.put("threads", dump.threads().size());
    records.put("tasks", dump.tasks().size());
    records.put("objects", dump.objects().size());
    records.put("jvmDeadlocks", dump.jvmDeadlocks().size());
    records.put("events", dump.events().size());
    Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
    for (TaskInfo task : dump.tasks()) {
      byState.merge(task.state(), 1, Integer::sum);
    }
    Map<String, Object> tasksByState = new LinkedHashMap<>();
    byState.forEach((state, count) -> tasksByState.put(state.name(), count));
    return new JsonView()
        .put("file", dump.source() == null ? null : dump.source().toString())
        .put("complete", dump.complete())
        .put("formatVersion", header.version())
        .put("agentVersion", header.agentVersion())
        .put("pid", header.pid())
        .put("mainClass", header.mainClass())
        .put("jvm", header.jvm())
        .put("reason", header.reason())
        .put("startTime", header.startTime())
        .put("dumpTime", header.dumpTime())
        .put("dumpNanos", header.dumpNanos())
        .put("records", records)
        .put("tasksByState", tasksByState)
        .put("totalTasks", dump.end() == null ? null : dump.end().totalTasks())
        .put("dropped", dump.end() == null ? null : dump.end().dropped())
        .put("warnings", dump.warnings())
        .toMap();
  }
}
