package dev.asyncinspect.cli;

import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads {@code --show-stuck[=THRESHOLD]}. picocli's own handling of an optional value would take
 * the next word whatever it is, so that {@code --show-stuck app.aidump.jsonl} would read the dump's
 * name as the threshold. A threshold always starts with a digit and a dump's name rarely does: the
 * next word is taken only when it starts with one. The option's value is {@code ""} when given
 * without a threshold.
 */
final class StuckOptionConsumer implements IParameterConsumer {

  @Override
  public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
    String value = "";
    if (!args.isEmpty() && !args.peek().isEmpty() && Character.isDigit(args.peek().charAt(0))) {
      value = args.pop();
      try {
        Durations.parseNanos(value);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            command.commandLine(), "--show-stuck: " + e.getMessage(), option, value);
      }
    }
    option.setValue(value);
  }
}
