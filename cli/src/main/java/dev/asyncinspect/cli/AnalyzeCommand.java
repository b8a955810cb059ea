package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.analysis.StuckCriteria;
import dev.asyncinspect.analyzer.dump.Dump;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code async-inspect analyze <dump>}: reads a dump and reports what is wrong in it (stuck tasks
 * with their wait chains, deadlocks, failures with their async stacks), the call graph and the
 * statistics, as text or JSON; exits 1 when it found something. This class only parses options and
 * wires input to output; what the report says is the analyzer's.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    description = {
      "Reads a dump and reports stuck tasks with their wait chains, deadlocks, failed tasks with"
          + " their async stack traces, the call graph and statistics.",
      "Without --show-* options: a summary of the dump and every section. With some: only those.",
      "Warnings about the dump (truncated, dangling ids) go to the error stream."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":nothing found in the sections shown",
      ExitCodes.FINDINGS + ":stuck tasks, deadlocks or failed tasks found in the sections shown",
      ExitCodes.BAD_INPUT + ":bad input: usage, unreadable file, not a dump, unsupported version",
      ExitCodes.INTERNAL_ERROR + ":internal error"
    })
public final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<dump>",
      description = "The dump file: *.aidump.jsonl, or *.aidump.jsonl.gz when compressed.")
  Path dump;

  @Option(
      names = "--show-stuck",
      arity = "0..1",
      paramLabel = "THRESHOLD",
      parameterConsumer = StuckOptionConsumer.class,
      description = {
        "Stuck tasks and their wait chains. A task is stuck when it has been in its state for"
            + " THRESHOLD or more (500ms, 5s, 2m; 0 for every live task). Default: 1s, and for a"
            + " dump written at exit every task still waiting then."
      })
  String showStuck;

  @Option(
      names = "--show-deadlocks",
      description = "Deadlock cycles, with each wait's source line.")
  boolean showDeadlocks;

  @Option(names = "--show-failures", description = "Failed tasks with their async stack traces.")
  boolean showFailures;

  @Option(names = "--show-call-graph", description = "The async call graph of traced methods.")
  boolean showCallGraph;

  @Option(names = "--show-stats", description = "Statistics per method and per await point.")
  boolean showStats;

  @Option(
      names = "--show-lints",
      description = "Lints: virtual threads pinned to their carrier while running traced code.")
  boolean showLints;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "text (default) or json.")
  String format;

  @Option(
      names = "--no-color",
      description =
          "No colours. Text is coloured only on a terminal, and never when NO_COLOR is set.")
  boolean noColor;

  @Override
  public Integer call() throws IOException {
    Dump read = DumpFiles.read(dump, spec.commandLine().getErr());
    StuckCriteria criteria =
        showStuck == null || showStuck.isEmpty()
            ? null
            : StuckCriteria.olderThan(Durations.parseNanos(showStuck));
    Analysis analysis = new Analysis(read, sections(), criteria);
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.print(AnalyzeJson.text(analysis));
    } else {
      boolean color =
          ColorChoice.useColor(noColor, System.getenv(), ColorChoice.stdoutIsTerminal());
      // Names and messages come from the dump: no escape sequence of theirs reaches the terminal.
      for (String line : AnalyzeText.lines(analysis, color)) {
        out.println(Fit.visibleExceptColors(line));
      }
    }
    out.flush();
    return analysis.findingCount() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private Set<Section> sections() {
    Set<Section> sections = EnumSet.noneOf(Section.class);
    if (showStuck != null) {
      sections.add(Section.STUCK);
    }
    if (showDeadlocks) {
      sections.add(Section.DEADLOCKS);
    }
    if (showFailures) {
      sections.add(Section.FAILURES);
    }
    if (showCallGraph) {
      sections.add(Section.CALL_GRAPH);
    }
    if (showStats) {
      sections.add(Section.STATISTICS);
    }
    if (showLints) {
      sections.add(Section.LINTS);
    }
    return sections;
  }

  /** {@code text} or {@code json}, in any case. */
  static final class FormatConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String format = value.toLowerCase(Locale.ROOT);
      if (!format.equals("text") && !format.equals("json")) {
        throw new TypeConversionException("expected text or json, found '" + value + "'");
      }
      return format;
    }
  }
}
