package dev.asyncinspect.e2e;

import static dev.asyncinspect.e2e.DumpQueries.blockedAt;
import static dev.asyncinspect.e2e.DumpQueries.onlyTask;
import static dev.asyncinspect.e2e.SourceMarkers.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.trace.ChromeTraceRules;
import dev.asyncinspect.analyzer.trace.ChromeTraceRules.Slice;
import dev.asyncinspect.cli.Main;
import dev.asyncinspect.testapps.AsyncCacheCycle;
import dev.asyncinspect.testapps.FanOutPipeline;
import dev.asyncinspect.testapps.VirtualThreadDeadlock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code async-inspect export}, run in-process exactly as {@code bin/async-inspect} runs it, on the
 * dumps of the test programs: the files it writes keep their format's rules and show the programs'
 * tasks, waits and relations.
 */
class ExportIT {
  private static final String JDK17 = "dev.asyncinspect.e2e.InstalledJdks#forRelease17";
  private static final String JDK21 = "dev.asyncinspect.e2e.InstalledJdks#forRelease21";

  /** Runs {@code export <dump> --format FORMAT -o FILE} and returns the file's text. */
  static String export(AgentRuns runs, String format, String file, String... options)
      throws IOException {
    Path dump = runs.withAgent().dump();
    Path target = dump.resolveSibling(file);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Main.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                    "export", dump.toString(), "--format", format, "-o", target.toString()),
                java.util.stream.Stream.of(options))
            .toArray(String[]::new);
    int exitCode = command.execute(args);
    assertThat(exitCode).as("export exit code; err: %s", err).isZero();
    assertThat(err.toString()).as("export's error stream").isEmpty();
    return Files.readString(target);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void perfettoTraceOfTheFanOutKeepsTheRulesAndShowsItsTasks(Jdk jdk) throws IOException {
    AgentRuns runs = AgentRuns.of(FanOutPipeline.class, jdk);
    Dump dump = runs.dump();
    ChromeTraceRules trace = ChromeTraceRules.check(export(runs, "perfetto", "trace.json"));

    assertThat(trace.violations()).isEmpty();
    TaskInfo pipeline = onlyTask(dump, "FanOutPipeline.pipeline");
    List<TaskInfo> fetches = dump.tasksNamed("FanOutPipeline.fetch");
    assertThat(fetches).hasSize(3);
    String thread = "thread " + dump.header().pid() + "/" + pipeline.startThread();

    Slice pipelineSlice = only(trace, "FanOutPipeline.pipeline", thread);
    assertThat(pipelineSlice.args.path("task").asText())
        .isEqualTo("#" + pipeline.id() + " FanOutPipeline.pipeline");
    assertThat(pipelineSlice.args.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(threadName(trace, pipeline.startThread()))
        .as("the dump names the threads that ran traced code, also once they ended")
        .isEqualTo("main");
    assertThat(
            trace.slices().stream()
                .filter(slice -> slice.name.equals("FanOutPipeline.fetch"))
                .filter(slice -> slice.track.equals(thread))
                .map(slice -> slice.parent))
        .as("each fetch runs inside the pipeline, on its thread, until it returns its future")
        .hasSize(3)
        .allMatch(parent -> parent == pipelineSlice);

    // One await slice per wait the pipeline blocked in, in order: a join on a future already
    // done returns at once and does not block (which joins did depends on the run's timing).
    List<String> blocked = blockedAt(dump, pipeline);
    assertThat(blocked)
        .allSatisfy(
            at ->
                assertThat(at)
                    .isIn(
                        location(FanOutPipeline.class, "await:all-parts"),
                        location(FanOutPipeline.class, "await:each-part")));
    assertThat(
            trace.slices().stream()
                .filter(slice -> slice.parent == pipelineSlice && "await".equals(slice.cat))
                .map(slice -> slice.name + " | " + slice.args.path("location").asText()))
        .containsExactlyElementsOf(
            blocked.stream().map(at -> "CompletableFuture.join " + at + " | " + at).toList());

    List<String> arrows =
        trace.flows().stream().map(flow -> flow.from().task() + " -> " + flow.to().task()).toList();
    for (TaskInfo fetch : fetches) {
      assertThat(arrows)
          .contains(
              "#"
                  + pipeline.id()
                  + " FanOutPipeline.pipeline -> #"
                  + fetch.id()
                  + " FanOutPipeline.fetch");
      for (TaskInfo child : dump.tasks()) {
        if (child.parent() != null && child.parent() == fetch.id()) {
          assertThat(arrows)
              .contains(
                  "#"
                      + fetch.id()
                      + " FanOutPipeline.fetch -> #"
                      + child.id()
                      + " "
                      + child.name());
        }
      }
    }
    assertThat(
            trace.slices().stream()
                .filter(slice -> slice.name.equals("SUSPENDED"))
                .map(Slice::task))
        .as("each fetch that returned an incomplete future waits on an async track")
        .containsExactlyInAnyOrderElementsOf(
            fetches.stream()
                .filter(
                    fetch ->
                        dump.eventsOf(fetch.id()).stream()
                            .anyMatch(event -> event.state() == TaskState.SUSPENDED))
                .map(fetch -> "#" + fetch.id() + " FanOutPipeline.fetch")
                .toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK17)
  void waitForGraphOfTheCacheCycleDrawsTheCycleInBoldRed(Jdk jdk) throws IOException {
    AgentRuns runs = AgentRuns.of(AsyncCacheCycle.class, jdk);
    Dump dump = runs.dump();
    List<String> dot = export(runs, "dot", "wait-for.dot", "--graph", "wait-for").lines().toList();

    String joinAt = location(AsyncCacheCycle.class, "await:load-join") + " join()";
    String bold = ", color=red, fontcolor=red, penwidth=2];";
    List<TaskInfo> loads = dump.tasksNamed("AsyncCacheCycle.load");
    assertThat(loads).hasSize(2);
    for (TaskInfo load : loads) {
      int future = load.await().object();
      long producer = dump.object(future).producer();
      TaskInfo other = loads.get(loads.get(0) == load ? 1 : 0);
      assertThat(dot)
          .contains(
              "  \"t"
                  + load.id()
                  + "\" [label=\"#"
                  + load.id()
                  + " AsyncCacheCycle.load\\nSYNC, BLOCKED at "
                  + joinAt
                  + "\", shape=box, style=rounded"
                  + bold,
              "  \"t"
                  + load.id()
                  + "\" -> \"o"
                  + future
                  + "\" [label=\"waits at "
                  + joinAt
                  + "\", style=dashed"
                  + bold,
              "  \"o" + future + "\" -> \"t" + producer + "\" [label=\"completed by\"" + bold,
              "  \"t"
                  + producer
                  + "\" -> \"t"
                  + other.id()
                  + "\" [label=\"in a nested call\", style=dashed"
                  + bold);
    }
    assertThat(dot.stream().filter(line -> line.contains(" -> ") && line.endsWith(bold)))
        .as("the cycle's six edges, and no other, in bold red")
        .hasSize(6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(JDK21)
  void relationshipGraphOfTheVirtualThreadDeadlockStylesTheCycleInMermaid(Jdk jdk)
      throws IOException {
    AgentRuns runs = AgentRuns.of(VirtualThreadDeadlock.class, jdk);
    Dump dump = runs.dump();
    List<String> mermaid =
        export(runs, "mermaid", "relations.mmd", "--graph", "relations").lines().toList();

    TaskInfo transfer = onlyTask(dump, "VirtualThreadDeadlock.transfer");
    TaskInfo audit = onlyTask(dump, "VirtualThreadDeadlock.audit");
    int ledger = transfer.await().object();
    int accounts = audit.await().object();
    String transferAt = location(VirtualThreadDeadlock.class, "await:transfer-locks-ledger");
    String auditAt = location(VirtualThreadDeadlock.class, "await:audit-locks-accounts");
    assertThat(mermaid)
        .startsWith("flowchart LR")
        .contains(
            "  t"
                + transfer.id()
                + "(\"#35;"
                + transfer.id()
                + " VirtualThreadDeadlock.transfer<br/>SYNC, BLOCKED at "
                + transferAt
                + " lock()\")",
            "  o" + ledger + "([\"" + dump.object(ledger).label() + "<br/>LOCK\"])",
            "  t" + transfer.id() + " -.->|\"waits at " + transferAt + " lock()\"| o" + ledger,
            "  o" + ledger + " -->|\"held by\"| t" + audit.id(),
            "  t" + audit.id() + " -.->|\"waits at " + auditAt + " lock()\"| o" + accounts,
            "  o" + accounts + " -->|\"held by\"| t" + transfer.id());
    List<String> edges = mermaid.stream().filter(line -> line.contains("|\"")).toList();
    List<String> cycle =
        List.of(
            "  t" + transfer.id() + " -.->",
            "  o" + ledger + " -->",
            "  t" + audit.id() + " -.->",
            "  o" + accounts + " -->");
    List<String> styled = new java.util.ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      String edge = edges.get(i);
      if (cycle.stream().anyMatch(edge::startsWith)) {
        styled.add(String.valueOf(i));
      }
    }
    assertThat(styled).hasSize(4);
    assertThat(mermaid)
        .contains("  linkStyle " + String.join(",", styled) + " stroke:#c00,stroke-width:3px");
    assertThat(mermaid.stream().filter(line -> line.startsWith("  class ")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line.substring("  class ".length(), line.lastIndexOf(' ')).split(","))
                    .containsExactlyInAnyOrder(
                        "t" + transfer.id(), "t" + audit.id(), "o" + ledger, "o" + accounts));
  }

  private static Slice only(ChromeTraceRules trace, String name, String track) {
    List<Slice> found =
        trace.slices().stream()
            .filter(slice -> slice.name.equals(name) && slice.track.equals(track))
            .toList();
    assertThat(found).as("slices named %s on %s", name, track).hasSize(1);
    return found.get(0);
  }

  private static String threadName(ChromeTraceRules trace, long tid) {
    for (var event : trace.root().path("traceEvents")) {
      if (event.path("name").asText().equals("thread_name") && event.path("tid").asLong() == tid) {
        return event.path("args").path("name").asText();
      }
    }
    return null;
  }
}
