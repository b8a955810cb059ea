package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpFormatException;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.report.SummaryReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code async-inspect analyze <dump>}: reads a dump and prints the summary report. This class only
 * parses options and wires input to output; what the report says is {@link SummaryReport}'s.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "Reads a dump and reports every live task (its state, for how long, where it waits, on what,"
          + " and who should release it), the finished tasks, and the failures.",
      "Warnings about the dump (truncated, dangling ids) go to the error stream."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was printed",
      "2:bad input: usage, unreadable file, not a dump, unsupported version",
      "3:internal error"
    })
public final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "<dump>",
      description = "The dump file: *.aidump.jsonl, or *.aidump.jsonl.gz when compressed.")
  Path dump;

  @Override
  public Integer call() throws IOException {
    Dump read = read();
    PrintWriter err = spec.commandLine().getErr();
    for (String warning : read.warnings()) {
      err.println("async-inspect: warning: " + warning);
    }
    err.flush();
    SummaryReport.print(read, spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  private Dump read() throws IOException {
    try {
      return DumpReader.read(dump);
    } catch (DumpFormatException | FileSystemException e) {
      throw e;
    } catch (IOException e) {
      // Some read errors ("Is a directory") do not name the file; the user needs to know which.
      FileSystemException named = new FileSystemException(dump.toString(), null, e.getMessage());
      named.initCause(e);
      throw named;
    }
  }
}
