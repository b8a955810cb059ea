package dev.asyncinspect.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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

  // The subcommands, in the order help lists them.
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("analyze", AnalyzeCommand::new);
    SUBCOMMANDS.put("export", ExportCommand::new);
    SUBCOMMANDS.put("ps", PsCommand::new);
    SUBCOMMANDS.put("dump", DumpCommand::new);
    SUBCOMMANDS.put("monitor", MonitorCommand::new);
    SUBCOMMANDS.put("help", HelpCommand::new);
  }

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /**
   * The command line with every subcommand and our error handling; set its out and err writers to
   * capture output.
   */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * {@link #commandLine()} for running {@code args}: when they name a subcommand first (after
   * {@code --stacktrace}), with that one alone, since picocli builds the model of every subcommand
   * it is given, a sixth of what a short command costs (docs/performance.md); else with all, which
   * help and the messages for a wrong command line list. It runs {@code args} the same either way.
   */
  public static CommandLine commandLine(String[] args) {
    CommandErrors errors = new CommandErrors();
    CommandLine line =
        new CommandLine(new Main())
            .setExecutionExceptionHandler(errors)
            .setParameterExceptionHandler(errors);
    String named = subcommandNamed(args);
    for (Map.Entry<String, Supplier<Object>> subcommand : SUBCOMMANDS.entrySet()) {
      if (named == null || named.equals(subcommand.getKey())) {
        line.addSubcommand(subcommand.getKey(), subcommand.getValue().get());
      }
    }
    return line;
  }

  /** The subcommand other than help that {@code args} name first, or null. */
  private static String subcommandNamed(String[] args) {
    for (String arg : args) {
      if (!arg.equals("--stacktrace")) {
        return SUBCOMMANDS.containsKey(arg) && !arg.equals("help") ? arg : null;
      }
    }
    return null;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "no command given");
  }
}
