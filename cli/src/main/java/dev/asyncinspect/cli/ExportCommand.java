package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.analysis.CallGraph;
import dev.asyncinspect.analyzer.analysis.CallGraphDot;
import dev.asyncinspect.analyzer.analysis.CallGraphMermaid;
import dev.asyncinspect.analyzer.analysis.Deadlock;
import dev.asyncinspect.analyzer.analysis.Deadlocks;
import dev.asyncinspect.analyzer.analysis.PerfettoTrace;
import dev.asyncinspect.analyzer.analysis.TaskGraph;
import dev.asyncinspect.analyzer.analysis.TaskGraphDot;
import dev.asyncinspect.analyzer.analysis.TaskGraphMermaid;
import dev.asyncinspect.analyzer.analysis.TaskGraphs;
import dev.asyncinspect.analyzer.analysis.Timeline;
import dev.asyncinspect.analyzer.analysis.WaitForGraph;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.html.HtmlReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code async-inspect export <dump> --format dot|mermaid|json|perfetto|html [--graph GRAPH] [-o
 * FILE]}: writes what the analyzer finds in a dump in a format for other tools, on standard output
 * or, atomically, to a file. This class only wires the dump to a renderer and the result to its
 * destination.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "Writes what the analyzer finds in a dump in a format for other tools.",
      "dot, mermaid: a graph for Graphviz or Mermaid, chosen by --graph: the call graph"
          + " (traced methods, their calls and their waits on futures), the relationship graph"
          + " (tasks, parent and child, what each waits on and who would release it) or the"
          + " wait-for graph (only the waits); deadlocks in bold red.",
      "json: one document with the dump's summary, the stuck tasks (default threshold), the"
          + " deadlocks, the failures, the call graph, the statistics, the lints, the"
          + " relationship graph and the timeline.",
      "perfetto: the timeline of the tasks (threads, waits, parent and wait arrows) in the Chrome"
          + " trace event format, for ui.perfetto.dev or chrome://tracing.",
      "html: a self-contained report for a browser (works offline): findings, timeline,"
          + " graphs, statistics, state machines.",
      "Warnings about the dump go to the error stream."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":the export was written",
      ExitCodes.BAD_INPUT + ":bad input: usage, unreadable dump, not a dump, unwritable FILE",
      ExitCodes.INTERNAL_ERROR + ":internal error"
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<dump>",
      description = "The dump file: *.aidump.jsonl, or *.aidump.jsonl.gz when compressed.")
  Path dump;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      converter = ExportFormat.Converter.class,
      description = "What to write: dot, mermaid, json, perfetto or html.")
  ExportFormat format;

  @Option(
      names = "--graph",
      paramLabel = "GRAPH",
      converter = ExportGraph.Converter.class,
      description =
          "With dot and mermaid, which graph: calls (the default), relations or wait-for.")
  ExportGraph graph;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write to FILE instead of standard output: atomically (a temporary file beside it,"
              + " then renamed), owner-only like the dump.")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (graph != null && format != ExportFormat.DOT && format != ExportFormat.MERMAID) {
      throw new ParameterException(
          spec.commandLine(), "--graph goes with --format dot or mermaid, not " + format);
    }
    Dump read = DumpFiles.read(dump, spec.commandLine().getErr());
    ExportGraph drawn = graph == null ? ExportGraph.CALLS : graph;
    Content content =
        switch (format) {
          case DOT ->
              text(
                  drawn == ExportGraph.CALLS
                      ? CallGraphDot.render(CallGraph.of(read))
                      : TaskGraphDot.render(taskGraph(read, drawn)));
          case MERMAID ->
              text(
                  drawn == ExportGraph.CALLS
                      ? CallGraphMermaid.render(CallGraph.of(read))
                      : TaskGraphMermaid.render(taskGraph(read, drawn)));
          case JSON -> out -> ExportJson.write(read, out);
          case PERFETTO -> out -> PerfettoTrace.write(Timeline.of(read), out);
          case HTML -> out -> out.write(HtmlReport.render(read));
        };
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      content.writeTo(out);
      out.flush();
    } else {
      AtomicFile.write(
          output,
          stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            content.writeTo(out);
            out.flush();
          });
    }
    return ExitCodes.OK;
  }

  private static TaskGraph taskGraph(Dump dump, ExportGraph which) {
    WaitForGraph waits = WaitForGraph.of(dump);
    List<Deadlock> deadlocks = Deadlocks.of(waits);
    return which == ExportGraph.RELATIONS
        ? TaskGraphs.relations(waits, deadlocks)
        : TaskGraphs.waitFor(waits, deadlocks);
  }

  /** What an export writes, streamed: a trace or a JSON document can be large. */
  private interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** Lines, each ended by a newline. */
  private static Content text(List<String> lines) {
    return out -> {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    };
  }
}
