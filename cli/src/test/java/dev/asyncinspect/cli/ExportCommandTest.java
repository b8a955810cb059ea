package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asyncinspect.analyzer.trace.ChromeTraceRules;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path dir;

  private static String dump(String name) throws URISyntaxException {
    return Path.of(ExportCommandTest.class.getResource("/dumps/" + name).toURI()).toString();
  }

  @Test
  void dotOfTheExampleDump() throws Exception {
    CommandRun run = CommandRun.of("export", dump("example.jsonl"), "--format", "dot");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .startsWith("digraph \"async-inspect call graph\" {")
        .endsWith("}")
        .contains(
            "  \"m1\" [label=\"UserService.fetchUser\\nASYNC, 1 call, 1.5s\\nself 100%,"
                + " async where needed, BOTTLENECK\", color=red, penwidth=2];",
            "  \"m2\" -> \"m1\" [label=\"1 call, 1.5s\"];",
            "  \"m2\" -> \"m1\" [label=\"1 wait, 1.5s\", style=dashed, color=blue,"
                + " fontcolor=blue];");
  }

  @Test
  void mermaidOfTheExampleDump() throws Exception {
    CommandRun run = CommandRun.of("export", dump("example.jsonl"), "--format", "MERMAID");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines())
        .startsWith("flowchart LR")
        .contains("  m2 -->|\"1 call, 1.5s\"| m1", "  m2 -.->|\"1 wait, 1.5s\"| m1");
  }

  @Test
  void htmlIsOneSelfContainedPageWithEverySection() throws Exception {
    Path target = dir.resolve("report.html");
    CommandRun run =
        CommandRun.of("export", dump("rich.jsonl"), "--format", "html", "-o", target.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
    String page = Files.readString(target, StandardCharsets.UTF_8);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .contains("<style>", "<script>", "<script type=\"application/json\" id=\"timeline-data\">")
        .contains("id=\"findings\"", "id=\"timeline\"", "id=\"relationship-graph\"")
        .contains("id=\"call-graph\"", "id=\"statistics\"", "id=\"state-machines\"")
        .contains("OrderService.placeOrder");
  }

  @Test
  void jsonHasEverythingTheAnalyzerFinds() throws Exception {
    String file = dump("rich.jsonl");
    CommandRun run = CommandRun.of("export", file, "--format", "json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("format").asText()).isEqualTo("async-inspect-export");
    assertThat(json.path("version").asText()).isEqualTo("1.1");
    assertThat(json.path("dump").path("file").asText()).isEqualTo(file);
    assertThat(json.path("dump").path("pid").asLong()).isEqualTo(777);
    assertThat(json.path("dump").path("complete").asBoolean()).isTrue();
    assertThat(json.path("dump").path("tasksByState").path("BLOCKED").asInt()).isEqualTo(4);
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "format",
            "version",
            "dump",
            "stuck",
            "deadlocks",
            "failures",
            "callGraph",
            "statistics",
            "lints",
            "relations",
            "timeline");
    assertThat(json.path("deadlocks")).isNotEmpty();
    assertThat(json.path("failures")).isNotEmpty();
    assertThat(json.path("callGraph").path("nodes")).hasSize(4);
    assertThat(json.path("callGraph").path("nodes").get(0).path("name").asText())
        .isEqualTo("OrderService.placeOrder");
    assertThat(json.path("statistics").path("methods")).hasSize(4);
    assertThat(json.path("statistics").path("awaitPoints").get(0).path("operation").asText())
        .isEqualTo("Lock.lock");
    assertThat(json.path("lints").path("pinned").isArray()).isTrue();
    assertThat(json.path("relations").path("edges"))
        .anySatisfy(
            edge -> {
              assertThat(edge.path("from").asText()).isEqualTo("o1");
              assertThat(edge.path("to").asText()).isEqualTo("t11");
              assertThat(edge.path("label").asText()).isEqualTo("held by");
              assertThat(edge.path("deadlocked").asBoolean()).isTrue();
            });
    assertThat(json.path("timeline").path("tasks")).hasSize(9);
    assertThat(json.path("timeline").path("tasks").get(0).path("name").asText())
        .isEqualTo("OrderService.placeOrder");
  }

  @Test
  void waitForGraphInDotWithTheDeadlockInBoldRed() throws Exception {
    CommandRun run =
        CommandRun.of("export", dump("rich.jsonl"), "--format", "dot", "--graph", "wait-for");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines())
        .startsWith("digraph \"async-inspect wait-for graph\" {")
        .contains(
            "  \"t10\" -> \"o1\" [label=\"waits at Inventory.java:15 lock()\", style=dashed,"
                + " color=red, fontcolor=red, penwidth=2];",
            "  \"o1\" -> \"t11\" [label=\"held by\", color=red, fontcolor=red, penwidth=2];",
            "  \"o5\" -> \"t14\" [label=\"run by\"];")
        .noneMatch(line -> line.contains("started"));
  }

  @Test
  void relationshipGraphInMermaidWithParentEdgesAndTheDeadlockStyled() throws Exception {
    CommandRun run =
        CommandRun.of("export", dump("rich.jsonl"), "--format", "mermaid", "--graph", "relations");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines())
        .startsWith("flowchart LR")
        .contains(
            "  t5 -->|\"started\"| t6",
            "  class t10,t11,o1,o2 deadlock",
            "  linkStyle 2,3,5,6 stroke:#c00,stroke-width:3px");
  }

  @Test
  void graphGoesOnlyWithDotAndMermaid() throws Exception {
    CommandRun run =
        CommandRun.of("export", dump("example.jsonl"), "--format", "json", "--graph", "relations");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("--graph goes with --format dot or mermaid, not json");

    CommandRun unknown =
        CommandRun.of("export", dump("example.jsonl"), "--format", "dot", "--graph", "tree");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unknown.errLines())
        .singleElement()
        .asString()
        .contains("'tree' is not a graph; expected one of calls, relations, wait-for");
  }

  @Test
  void perfettoTraceOfTheRichDumpKeepsTheFormatsRules() throws Exception {
    Path target = dir.resolve("trace.json");
    CommandRun run =
        CommandRun.of(
            "export", dump("rich.jsonl"), "--format", "perfetto", "-o", target.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    ChromeTraceRules trace = ChromeTraceRules.check(Files.readString(target));
    assertThat(trace.violations()).isEmpty();
    assertThat(trace.flows())
        .extracting(flow -> flow.from().task() + " -> " + flow.to().task())
        .contains(
            "#10 reserve-stock -> #11 Billing.charge", "#11 Billing.charge -> #10 reserve-stock");
    assertThat(trace.root().path("otherData").path("pid").asLong()).isEqualTo(777);
  }

  @Test
  void toAFileAtomicallyAndOwnerOnly() throws Exception {
    Path target = dir.resolve("graph.dot");
    Files.writeString(target, "old content");
    CommandRun run =
        CommandRun.of("export", dump("example.jsonl"), "--format", "dot", "-o", target.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEmpty();
    CommandRun toStdout = CommandRun.of("export", dump("example.jsonl"), "--format", "dot");
    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(toStdout.out());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").containsExactly(target);
    }
  }

  @Test
  void anUnwritableOutputIsBadInputInOneLine() throws Exception {
    Path target = dir.resolve("missing").resolve("graph.dot");
    CommandRun run =
        CommandRun.of(
            "export", dump("example.jsonl"), "--format", "json", "--output", target.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("async-inspect: cannot write " + target + ": no such directory");
  }

  @Test
  void truncatedDumpIsExportedWithAWarning() throws Exception {
    CommandRun run = CommandRun.of("export", dump("truncated.jsonl"), "--format", "json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("async-inspect: warning: ")
        .contains("the dump is truncated");
    assertThat(new ObjectMapper().readTree(run.out()).path("dump").path("complete").asBoolean())
        .isFalse();
  }

  @Test
  void missingFormatIsAUsageError() throws Exception {
    CommandRun run = CommandRun.of("export", dump("example.jsonl"));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: Missing required option: '--format=FORMAT'"
                + " (see 'async-inspect export --help')");
  }

  @Test
  void unknownFormatSaysWhichExist() throws Exception {
    CommandRun run = CommandRun.of("export", dump("example.jsonl"), "--format", "png");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("'png' is not a format; expected one of dot, mermaid, json, perfetto, html");
  }

  @Test
  void missingDumpIsBadInput() {
    Path missing = dir.resolve("missing.aidump.jsonl");
    CommandRun run = CommandRun.of("export", missing.toString(), "--format", "dot");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("async-inspect: cannot read " + missing + ": no such file");
  }

  @Test
  void fileThatIsNotADumpIsBadInputAndWritesNoFile() throws Exception {
    String file = dump("not-a-dump.txt");
    Path target = dir.resolve("out.json");
    CommandRun run = CommandRun.of("export", file, "--format", "json", "-o", target.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: "
                + file
                + ": not an async-inspect dump: its first line is not a JSON object");
    assertThat(target).doesNotExist();
  }

  @Test
  void helpListsTheFormats() {
    CommandRun run = CommandRun.of("export", "--help");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains(
            "Usage: async-inspect export",
            "--format=FORMAT",
            "dot, mermaid, json, perfetto or html",
            "--graph=GRAPH",
            "calls (the default),",
            "-o");
    assertThat(CommandRun.of("--help").out()).contains("export");
  }
}
