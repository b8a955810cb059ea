package dev.asyncinspect.cli;

import static dev.asyncinspect.analyzer.analysis.StuckCriteria.defaultsFor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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

  private static final ObjectWriter JSON =
      new ObjectMapper()
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
          .writerWithDefaultPrettyPrinter();

  private ExportJson() {}

  /** The document as a JSON-ready tree. */
  static Map<String, Object> document(Dump dump) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("version", VERSION);
    document.put("dump", DumpSummaryJson.view(dump));
    WaitForGraph graph = WaitForGraph.of(dump);
    List<Deadlock> deadlocks = Deadlocks.of(graph);
    document.put("stuck", StuckTasksJson.view(graph, StuckTasks.of(graph, defaultsFor(dump))));
    document.put("deadlocks", DeadlocksJson.view(graph, deadlocks));
    document.put("failures", FailuresJson.view(Failures.of(dump)));
    document.put("callGraph", CallGraphJson.view(CallGraph.of(dump)));
    document.put("statistics", StatisticsJson.view(Statistics.of(dump)));
    document.put("lints", Map.of("pinned", PinnedThreadsJson.view(PinnedThreads.of(dump))));
    document.put("relations", TaskGraphJson.view(TaskGraphs.relations(graph, deadlocks)));
    document.put("timeline", TimelineJson.view(Timeline.of(graph)));
    return document;
  }

  /** Writes the document as indented JSON, ending with a newline; leaves {@code out} open. */
  static void write(Dump dump, Writer out) throws IOException {
    JSON.writeValue(out, document(dump));
    out.write('\n');
  }
}
