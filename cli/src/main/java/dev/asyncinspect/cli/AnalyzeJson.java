package dev.asyncinspect.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.asyncinspect.analyzer.analysis.CallGraphJson;
import dev.asyncinspect.analyzer.analysis.DeadlocksJson;
import dev.asyncinspect.analyzer.analysis.DumpSummaryJson;
import dev.asyncinspect.analyzer.analysis.FailuresJson;
import dev.asyncinspect.analyzer.analysis.PinnedThreads;
import dev.asyncinspect.analyzer.analysis.StatisticsJson;
import dev.asyncinspect.analyzer.analysis.StuckTasksJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of {@code analyze --format json}, in the shape documented in docs/cli.md: the
 * dump's summary, the sections shown, their findings, then each section under its name. Its {@code
 * format} and {@code version} let a consumer check what it reads; a later minor version only adds
 * fields.
 */
final class AnalyzeJson {
  /** The {@code format} field of every analyze report. */
  static final String FORMAT = "async-inspect-analysis";

  /** The version of the report's shape: a minor version only adds fields. */
  static final String VERSION = "1.0";

  private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

  private AnalyzeJson() {}

  /** The report as a JSON-ready tree. */
  static Map<String, Object> document(Analysis analysis) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("version", VERSION);
    document.put("dump", DumpSummaryJson.view(analysis.dump()));
    List<String> sections = new ArrayList<>();
    for (Section section : analysis.sections()) {
      sections.add(section.jsonName());
    }
    document.put("sections", sections);
    Map<String, Object> findings = new LinkedHashMap<>(analysis.findings());
    findings.put("total", analysis.findingCount());
    document.put("findings", findings);
    if (analysis.shows(Section.STUCK)) {
      document.put("stuck", StuckTasksJson.view(analysis.graph(), analysis.stuck()));
    }
    if (analysis.shows(Section.DEADLOCKS)) {
      document.put("deadlocks", DeadlocksJson.view(analysis.graph(), analysis.deadlocks()));
    }
    if (analysis.shows(Section.FAILURES)) {
      document.put("failures", FailuresJson.view(analysis.failures()));
    }
    if (analysis.shows(Section.CALL_GRAPH)) {
      document.put("callGraph", CallGraphJson.view(analysis.callGraph()));
    }
    if (analysis.shows(Section.STATISTICS)) {
      document.put("statistics", StatisticsJson.view(analysis.statistics()));
    }
    if (analysis.shows(Section.LINTS)) {
      List<Map<String, Object>> pinned = new ArrayList<>();
      for (PinnedThreads.Pin pin : analysis.pins()) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (pin.task() != null) {
          view.put("task", pin.task());
        }
        view.put("thread", pin.thread());
        view.put("durationNanos", pin.durationNanos());
        view.put("location", pin.location());
        pinned.add(view);
      }
      document.put("lints", Map.of("pinned", pinned));
    }
    return document;
  }

  /** The report as indented JSON text, ending with a newline. */
  static String text(Analysis analysis) {
    try {
      return JSON.writeValueAsString(document(analysis)) + "\n";
    } catch (JsonProcessingException e) {
      // Maps, lists, strings, numbers and booleans always serialize; failing here is a bug.
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}
