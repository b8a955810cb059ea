package dev.asyncinspect.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of {@code async-inspect}, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

  /** Runs {@code args} as {@link Main#main} does. */
  static CommandRun of(String... args) {
    return of(Main.commandLine(args), args);
  }

  /** Runs {@code args} on {@code command}. */
  static CommandRun of(CommandLine command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exitCode = command.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
