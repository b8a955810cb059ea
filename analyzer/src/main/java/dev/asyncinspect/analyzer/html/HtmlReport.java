package dev.asyncinspect.analyzer.html;

import static dev.asyncinspect.analyzer.analysis.StuckCriteria.defaultsFor;

import dev.asyncinspect.analyzer.analysis.CallGraph;
import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.Deadlocks;
import dev.asyncinspect.analyzer.analysis.Failure;
import dev.asyncinspect.analyzer.analysis.Failures;
import dev.asyncinspect.analyzer.analysis.ObservedStateMachines;
import dev.asyncinspect.analyzer.analysis.PinnedThreads;
import dev.asyncinspect.analyzer.analysis.Statistics;
import dev.asyncinspect.analyzer.analysis.StuckTasks;
import dev.asyncinspect.analyzer.analysis.TaskGraphs;
import dev.asyncinspect.analyzer.analysis.Timeline;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.report.SummaryReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTML report of a dump: one self-contained page, its style sheet, script and data inline, that
 * a browser shows offline. Its Content-Security-Policy allows no network request at all and runs
 * only the page's own script and style (by hash), so that even a name from the application that
 * slipped through escaping could not run code or load anything.
 *
 * <p>Sections: the summary; the findings (deadlocks, stuck tasks, failures, lints, as the text
 * report writes them); the timeline (drawn by the script from the page's JSON data); the
 * relationship graph with deadlocks highlighted; the call graph; the statistics; each method's
 * observed state machine.
 */
public final class HtmlReport {
  private static final String STYLE = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  private HtmlReport() {}

  /** The page, a complete HTML document. */
  public static String render(Dump dump) {
    WaitForGraph graph = WaitForGraph.of(dump);
    StuckTasks stuck = StuckTasks.of(graph, defaultsFor(dump));
    List<Deadlock> deadlocks = Deadlocks.of(graph);
    List<Failure> failures = Failures.of(dump);
    Page page = new Page();
    head(page, dump);
    page.raw("<body>\n<header>\n<h1>async-inspect report</h1>\n");
    List<String> overview = SummaryReport.overview(dump);
    page.element("p", "headline", overview.get(0)).raw("\n");
    page.raw(
        "<nav><a href=\"#summary\">Summary</a> <a href=\"#findings\">Findings</a> <a"
            + " href=\"#timeline\">Timeline</a> <a href=\"#relationships\">Relationships</a> <a"
            + " href=\"#call-graph\">Call graph</a> <a href=\"#statistics\">Statistics</a> <a"
            + " href=\"#state-machines\">State machines</a></nav>\n</header>\n<main>\n");
    summary(page, dump, stuck.tasks().size(), deadlocks.size(), failures.size(), overview);
    FindingsSection.write(page, graph, stuck, deadlocks, failures, PinnedThreads.of(dump));
    Set<Long> deadlockedTasks = new HashSet<>();
    for (Deadlock deadlock : deadlocks) {
      for (int node : deadlock.waiters()) {
        TaskInfo task = graph.task(node);
        if (task != null) {
          deadlockedTasks.add(task.id());
        }
      }
      deadlockedTasks.addAll(deadlock.otherTasks());
    }
    Set<Long> stuckTasks = new HashSet<>();
    stuck.tasks().forEach(task -> stuckTasks.add(task.id()));
    TimelineSection.write(page, Timeline.of(graph), deadlockedTasks, stuckTasks);
    GraphSections.relationships(page, TaskGraphs.relations(graph, deadlocks), stuckTasks);
    GraphSections.callGraph(page, CallGraph.of(dump));
    StatisticsSection.write(page, Statistics.of(dump));
    StateMachineSection.write(page, ObservedStateMachines.of(dump));
    page.raw("</main>\n<script>").raw(SCRIPT).raw("</script>\n</body>\n</html>\n");
    return page.toString();
  }

  private static void head(Page page, Dump dump) {
    page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .text(contentSecurityPolicy())
        .raw("\">\n");
    page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.raw("<title>").text("async-inspect: " + dump.source().getFileName()).raw("</title>\n");
    page.raw("<style>").raw(STYLE).raw("</style>\n</head>\n");
  }

  /** No source for anything but the page's own style and script, identified by their hashes. */
  static String contentSecurityPolicy() {
    return "default-src 'none'; style-src '"
        + sha256(STYLE)
        + "'; script-src '"
        + sha256(SCRIPT)
        + "'; img-src data:; base-uri 'none'; form-action 'none'";
  }

  private static void summary(
      Page page, Dump dump, int stuck, int deadlocks, int failed, List<String> overview) {
    page.raw("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
    card(page, "deadlocks", deadlocks, "deadlock", "deadlocks");
    card(page, "stuck", stuck, "stuck task", "stuck tasks");
    card(page, "failed", failed, "failed task", "failed tasks");
    card(page, "tasks", dump.tasks().size(), "task in the dump", "tasks in the dump");
    page.raw("</div>\n");
    Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
    for (TaskInfo task : dump.tasks()) {
      byState.merge(task.state(), 1, Integer::sum);
    }
    page.raw("<table class=\"stats\" id=\"tasks-by-state\">\n");
    page.row(1, List.of("state", "tasks"), true);
    byState.forEach(
        (state, count) -> page.row(1, List.of(state.toString(), count.toString()), false));
    page.raw("</table>\n");
    page.pre("overview", overview.subList(1, overview.size())).raw("\n</section>\n");
  }

  private static void card(Page page, String kind, int count, String one, String many) {
    boolean bad = count > 0 && !"tasks".equals(kind);
    page.raw("<div class=\"card " + kind + (bad ? " bad" : "") + "\">");
    page.element("span", "count", Integer.toString(count));
    page.element("span", "what", count == 1 ? one : many);
    page.raw("</div>\n");
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
