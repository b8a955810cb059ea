package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.DumpFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line on the error stream, {@code async-inspect: <message>}, and an
 * exit code: {@link ExitCodes#BAD_INPUT} for usage and input errors, {@link
 * ExitCodes#INTERNAL_ERROR} for bugs. The stack trace follows only with {@code --stacktrace}: users
 * need to know what to fix, not where in our code we noticed.
 */
final class CommandErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private static final String PREFIX = "async-inspect: ";
  private static final String STACKTRACE = "--stacktrace";

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    boolean input = e instanceof IOException;
    String message =
        input
            ? inputProblem((IOException) e)
            : "internal error: " + e + " (rerun with " + STACKTRACE + " and report it)";
    return report(command.getErr(), message, e, stacktraceAsked(parsed), input);
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
    }
    message += " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
    // The parse failed, so the parse result may not know the option; look at the words.
    boolean stacktrace = Arrays.asList(args).contains(STACKTRACE);
    return report(command.getErr(), message, e, stacktrace, true);
  }

  private static int report(
      PrintWriter err, String message, Exception e, boolean stacktrace, boolean input) {
    err.println(PREFIX + message);
    if (stacktrace) {
      e.printStackTrace(err);
    }
    err.flush();
    return input ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
  }

  /** What is wrong with the input, in the words of the user, not of the exception class. */
  static String inputProblem(IOException e) {
    if (e instanceof DumpFormatException
        || e instanceof OutputFileException
        || e instanceof JvmAccessException) {
      return e.getMessage();
    }
    if (e instanceof FileSystemException fileError) {
      String reason = fileError.getReason();
      if (e instanceof NoSuchFileException) {
        reason = "no such file";
      } else if (e instanceof AccessDeniedException) {
        reason = "permission denied";
      } else if (reason == null) {
        reason = e.getClass().getSimpleName();
      }
      return "cannot read " + fileError.getFile() + ": " + reason;
    }
    return "cannot read the dump: " + e.getMessage();
  }

  private static boolean stacktraceAsked(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(STACKTRACE)) {
        return true;
      }
    }
    return false;
  }
}
