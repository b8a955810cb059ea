package dev.asyncinspect.cli;

import static dev.asyncinspect.analyzer.analysis.StuckCriteria.defaultsFor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncinspect.analyzer.analysis.CallGraph;
import dev.asyncinspect.analyzer.analysis.CallGraphJson;
import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.Deadlocks;
import dev.asyncinspect.analyzer.analysis.DeadlocksJson;
import dev.asyncinspect.analyzer.analysis.DumpSummaryJson;
import dev.asyncinspect.analyzer.analysis.Failures;
import dev.asyncinspect.analyzer.analysis.FailuresJson;
import dev.asyncinspect.analyzer.analysis.PinnedThreads;
import dev.asyncinspect.analyzer.analysis.PinnedThreadsJson;
import dev.asyncinspect.analyzer.analysis.Statistics;
import dev.asyncinspect.analyzer.analysis.StatisticsJson;
import dev.asyncinspect.analyzer.analysis.StuckTasks;
import dev.asyncinspect.analyzer.analysis.StuckTasksJson;
import dev.asyncinspect.analyzer.analysis.TaskGraphJson;
import dev.asyncinspect.analyzer.analysis.TaskGraphs;
import dev.asyncinspect.analyzer.analysis.TaskRelation;
import dev.asyncinspect.analyzer.analysis.TaskTimeline;
import dev.asyncinspect.analyzer.analysis.Timeline;
import dev.asyncinspect.analyzer.analysis.TimelineJson;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.dump.Dump;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document {@code export --format json} writes: everything the analyzer finds in a dump, in the
 * shape documented in docs/cli.md. Its {@code format} and {@code version} let a consumer check what
 * it reads; a later version only adds fields.
 */
final class ExportJson {
  /** The {@code format} field of every export document. */
  static final String FORMAT = "async-inspect-export";

  /** The version of the document's shape: a minor version only adds fields. */
  static final String VERSION = "1.1";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private ExportJson() {}

  /**
   * The document as a JSON-ready tree, but for the timeline, which {@link #write} streams: of all
   * the parts, only it grows with the event history.
   */
  private static Map<String, Object> document(Dump dump, WaitForGraph graph) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("version", VERSION);
    document.put("dump", DumpSummaryJson.view(dump));
    List<Deadlock> deadlocks = Deadlocks.of(graph);
    document.put("stuck", StuckTasksJson.view(graph, StuckTasks.of(graph, defaultsFor(dump))));
    document.put("deadlocks", DeadlocksJson.view(graph, deadlocks));
    document.put("failures", FailuresJson.view(Failures.of(dump)));
    document.put("callGraph", CallGraphJson.view(CallGraph.of(dump)));
    document.put("statistics", StatisticsJson.view(Statistics.of(dump)));
    document.put("lints", Map.of("pinned", PinnedThreadsJson.view(PinnedThreads.of(dump))));
    document.put("relations", TaskGraphJson.view(TaskGraphs.relations(graph, deadlocks)));
    return document;
  }

  /** Writes the document as indented JSON, ending with a newline; leaves {@code out} open. */
  static void write(Dump dump, Writer out) throws IOException {
    WaitForGraph graph = WaitForGraph.of(dump);
    try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter());
      json.writeStartObject();
      for (Map.Entry<String, Object> field : document(dump, graph).entrySet()) {
        json.writeFieldName(field.getKey());
        JSON.writeValue(json, field.getValue());
      }
      Timeline timeline = Timeline.of(graph);
      json.writeFieldName("timeline");
      json.writeStartObject();
      for (Map.Entry<String, Object> field : TimelineJson.header(timeline).entrySet()) {
        json.writeFieldName(field.getKey());
        JSON.writeValue(json, field.getValue());
      }
      json.writeArrayFieldStart("tasks");
      for (TaskTimeline task : timeline.tasks()) {
        JSON.writeValue(json, TimelineJson.task(task));
      }
      json.writeEndArray();
      json.writeArrayFieldStart("relations");
      for (TaskRelation relation : timeline.relations()) {
        JSON.writeValue(json, TimelineJson.relation(relation));
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write('\n');
  }
}
