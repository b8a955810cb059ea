package dev.asyncinspect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code async-inspect} command: its subcommands do the work. {@link #commandLine()} gives the
 * configured command line, so that tests run exactly what {@link #main} runs.
 */
@Command(
    name = "async-inspect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "X-ray vision for asynchronous Java: explains what the async-inspect agent saw.",
    subcommands = {
      AnalyzeCommand.class,
      ExportCommand.class,
      PsCommand.class,
      DumpCommand.class,
      MonitorCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; for analyze: nothing found",
      "1:analyze found stuck tasks, deadlocks or failed tasks",
      "2:bad input: usage, unreadable file, not a dump, unsupported version",
      "4:internal error (a bug; rerun with --stacktrace and report it)"
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  // Read by CommandErrors from the parse result, wherever on the command line it was given.
  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace after the one-line message.")
  boolean stacktrace;

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with our error handling; set its out and err writers to capture output. */
  public static CommandLine commandLine() {
    CommandErrors errors = new CommandErrors();
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "no command given");
  }
}
