package dev.asyncinspect.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Whether text output is coloured: only on a terminal, never with {@code --no-color}, and never
 * when the environment variable {@code NO_COLOR} is set to anything but the empty string
 * (https://no-color.org). Redirected output (a file, a pipe, a CI log) is never coloured.
 */
final class ColorChoice {
  private ColorChoice() {}

  static boolean useColor(
      boolean noColorOption, Map<String, String> environment, boolean terminal) {
    String noColor = environment.get("NO_COLOR");
    return !noColorOption && (noColor == null || noColor.isEmpty()) && terminal;
  }

  /**
   * Whether standard output is a terminal. Up to JDK 21 {@link System#console()} is null unless
   * both standard input and output are terminals; from JDK 22 it may return a console for
   * redirected output too, and {@code Console.isTerminal()} (JDK 22+, called reflectively, as we
   * compile for 17) tells.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17 to 21: a console exists only on a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
