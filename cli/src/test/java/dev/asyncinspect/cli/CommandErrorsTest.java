package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CommandErrorsTest {

  @Command(name = "broken")
  static class BrokenCommand implements Runnable {
    @Option(names = "--stacktrace")
    boolean stacktrace;

    @Override
    public void run() {
      throw new IllegalStateException("oops");
    }
  }

  private static int run(StringWriter err, String... args) {
    CommandErrors errors = new CommandErrors();
    CommandLine command =
        new CommandLine(new BrokenCommand())
            .setExecutionExceptionHandler(errors)
            .setParameterExceptionHandler(errors);
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void bugIsAnInternalErrorInOneLine() {
    StringWriter err = new StringWriter();
    assertThat(run(err)).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(err.toString().lines())
        .containsExactly(
            "async-inspect: internal error: java.lang.IllegalStateException: oops"
                + " (rerun with --stacktrace and report it)");
  }

  @Test
  void bugWithStacktrace() {
    StringWriter err = new StringWriter();
    assertThat(run(err, "--stacktrace")).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(err.toString())
        .contains("\tat dev.asyncinspect.cli.CommandErrorsTest$BrokenCommand.run");
  }

  @Test
  void fileErrorsInPlainWords() {
    assertThat(CommandErrors.inputProblem(new AccessDeniedException("/root/x.jsonl")))
        .isEqualTo("cannot read /root/x.jsonl: permission denied");
  }
}
