package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.Deadlocks;
import dev.asyncinspect.analyzer.analysis.WaitEdge;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.analysis.WaitNode;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.cli.Main;
import dev.asyncinspect.testapps.AsyncCacheCycle;
import dev.asyncinspect.testapps.VirtualThreadDeadlock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code async-inspect export --format html} on the dumps of the deadlock programs, the report
 * opened in a real headless Chromium: it loads with no console error and no request but for the
 * file itself, its relationship graph highlights exactly the deadlock's cycle, its timeline has the
 * BLOCKED segments of both deadlocked tasks, and a screenshot of it is kept beside the run ({@code
 * target/e2e/<program>/<jdk>/report.png}). A dump whose task names are markup shows them as text,
 * running nothing and loading nothing.
 */
class HtmlReportIT {
  private static final String JDK17 = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final String JDK21 = "dev.asyncinspect.e2e.InstalledJdks#forRelease21";

  /** A task name that would run script and load an image if the page did not escape it. */
  private static final String HOSTILE =
      "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;";

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void asyncCacheCycleShowsTheFutureCycleAndBothBlockedLoads(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(AsyncCacheCycle.class, jdk);
    Dump dump = runs.dump();
    List<TaskInfo> loads = dump.tasksNamed("AsyncCacheCycle.load");
    assertThat(loads).hasSize(2);
    Path report = export(runs.withAgent().dump(), "report.html");

    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      String url = open(chromium, report);
      assertDeadlockShown(chromium, dump, loads);
      String machine = text(chromium, ".machine[data-method=\"AsyncCacheCycle.load\"]");
      assertThat(machine)
          .contains(location(AsyncCacheCycle.class, "await:load-join") + " join()")
          .contains("2 there now");
      chromium.screenshot(report.resolveSibling("report.png"));
      // Zooming redraws the timeline from the page's data, still without an error.
      String range = text(chromium, "#timeline-range");
      chromium.evaluate("document.getElementById('zoom-in').click()");
      assertThat(text(chromium, "#timeline-range")).isNotEqualTo(range);
      assertLoadedCleanly(chromium, url);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK21)
  void virtualThreadDeadlockShowsTheLockCycleAndBothBlockedTasks(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(VirtualThreadDeadlock.class, jdk);
    Dump dump = runs.dump();
    List<TaskInfo> tasks =
        List.of(
            onlyTask(dump, "VirtualThreadDeadlock.transfer"),
            onlyTask(dump, "VirtualThreadDeadlock.audit"));
    Path report = export(runs.withAgent().dump(), "report.html");

    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      String url = open(chromium, report);
      assertDeadlockShown(chromium, dump, tasks);
      assertThat(text(chromium, "pre.deadlock"))
          .contains("lock cycle on virtual threads")
          .contains(location(VirtualThreadDeadlock.class, "await:transfer-locks-ledger"));
      chromium.screenshot(report.resolveSibling("report.png"));
      assertLoadedCleanly(chromium, url);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void namesFromTheApplicationAreShownAsTextNeverRun(Jdk jdk) throws Exception {
    AgentRuns runs = AgentRuns.of(AsyncCacheCycle.class, jdk);
    Path original = runs.withAgent().dump();
    String json = HOSTILE.replace("\"", "\\\"");
    String lines =
        Files.readString(original)
            .replace("\"task\":\"AsyncCacheCycle.load\"", "\"task\":\"" + json + "\"")
            .replace("\"name\":\"AsyncCacheCycle.load\"", "\"name\":\"" + json + "\"");
    assertThat(lines).contains(json);
    Path hostile = original.resolveSibling("hostile.aidump.jsonl");
    Files.writeString(hostile, lines, StandardCharsets.UTF_8);
    Path report = export(hostile, "hostile.html");

    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      String url = open(chromium, report);
      assertThat(chromium.evaluate("document.querySelectorAll('script').length").asInt())
          .as("the page's data and its script, nothing else")
          .isEqualTo(2);
      assertThat(chromium.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
      // The text report wraps its lines at 80 columns: read the block as one line.
      assertThat(text(chromium, "pre.deadlock").replaceAll("\\s*\n\\s*", " ")).contains(HOSTILE);
      assertThat(text(chromium, "#timeline-view")).contains(HOSTILE);
      assertThat(text(chromium, "#relationship-graph")).contains(HOSTILE);
      assertThat(chromium.openedDialog()).as("an alert ran").isFalse();
      chromium.screenshot(report.resolveSibling("hostile.png"));
      assertLoadedCleanly(chromium, url);
    }
  }

  /** Runs {@code export <dump> --format html -o <dir>/<name>} as the launcher does. */
  private static Path export(Path dump, String name) {
    Path report = dump.resolveSibling("..").resolve(name).normalize();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exit =
        command.execute("export", dump.toString(), "--format", "html", "-o", report.toString());
    assertThat(exit).as("exit code; out %s; err %s", out, err).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(report).isRegularFile();
    return report;
  }

  private static String open(HeadlessChromium chromium, Path report) {
    String url = report.toUri().toString();
    chromium.open(url);
    return url;
  }

  /**
   * The deadlock's cycle, and nothing else, is highlighted in the relationship graph; each of the
   * tasks has a BLOCKED bar in the timeline.
   */
  private static void assertDeadlockShown(
      HeadlessChromium chromium, Dump dump, List<TaskInfo> blocked) {
    WaitForGraph graph = WaitForGraph.of(dump);
    List<Deadlock> deadlocks = Deadlocks.of(graph);
    assertThat(deadlocks).hasSize(1);
    List<String> cycle = new ArrayList<>();
    for (WaitEdge edge : deadlocks.get(0).cycle()) {
      cycle.add(key(graph.node(edge.from())) + ">" + key(graph.node(edge.to())));
    }
    JsonNode highlighted =
        chromium.evaluate(
            "Array.from(document.querySelectorAll('#relationship-graph .edge.deadlocked'))"
                + ".map(e => e.getAttribute('data-from') + '>' + e.getAttribute('data-to'))");
    List<String> edges = new ArrayList<>();
    highlighted.forEach(edge -> edges.add(edge.asText()));
    assertThat(edges).containsExactlyInAnyOrderElementsOf(cycle);
    for (TaskInfo task : blocked) {
      assertThat(
              chromium
                  .evaluate(
                      "document.querySelectorAll('#timeline-view rect.seg.BLOCKED[data-task=\""
                          + task.id()
                          + "\"]').length")
                  .asInt())
          .as("BLOCKED bars of #%d %s", task.id(), task.name())
          .isPositive();
      assertThat(
              chromium
                  .evaluate(
                      "document.querySelector('#timeline-view .row-label[data-task=\""
                          + task.id()
                          + "\"]').classList.contains('deadlocked')")
                  .asBoolean())
          .isTrue();
    }
  }

  /** The drawing's key of a node: the relationship graph's id, {@code t12} or {@code o3}. */
  private static String key(WaitNode node) {
    assertThat(node.kind()).isIn(WaitNode.Kind.TASK, WaitNode.Kind.OBJECT);
    return (node.kind() == WaitNode.Kind.TASK ? "t" : "o") + node.id();
  }

  private static String text(HeadlessChromium chromium, String selector) {
    return chromium
        .evaluate(
            "(function () { var e = document.querySelector('"
                + selector.replace("'", "\\'")
                + "'); return e === null ? null : e.textContent; })()")
        .asText();
  }

  private static void assertLoadedCleanly(HeadlessChromium chromium, String url) {
    assertThat(chromium.errors()).as("console errors and exceptions").isEmpty();
    assertThat(chromium.requests()).as("network requests").containsOnly(url).isNotEmpty();
  }
}
