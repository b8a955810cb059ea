package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.RecorderSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's options, from {@code -javaagent:async-inspect-agent.jar=key=value,key=value}. See
 * docs/agent-options.md. A bad option never stops the application: it is reported in one line and
 * its default is used.
 */
final class AgentOptions {
  static final List<String> KNOWN =
      List.of(
          "dump",
          "dumpInterval",
          "maxLiveTasks",
          "maxFinishedTasks",
          "maxEvents",
          "errorMessages",
          "trace",
          "pinning",
          "control",
          "stuck");

  /** Compiled only when a duration is given: the regular expression engine is slow to set up. */
  private static final class Durations {
    static final Pattern SYNTAX = Pattern.compile("(\\d+)(ms|s|m|h)");
  }

  String dump;
  long dumpIntervalMillis;
  int maxLiveTasks = RecorderSettings.DEFAULT_MAX_LIVE_TASKS;
  int maxFinishedTasks = RecorderSettings.DEFAULT_MAX_FINISHED_TASKS;
  int maxEvents = RecorderSettings.DEFAULT_MAX_EVENTS;
  boolean errorMessages = true;
  String pinning = "auto";
  boolean control = true;

  /** How long a task may wait without progress before it counts as stuck (INFO, watchdog). */
  long stuckMillis = 10_000;

  /** Whether the watchdog runs: option {@code stuck=DURATION}. */
  boolean watchdog;

  TracePatterns trace = TracePatterns.NONE;

  /** The options as given (valid ones only), for the dump header. */
  final Map<String, String> given = new LinkedHashMap<>();

  /** One message per problem found while parsing. */
  final List<String> problems = new ArrayList<>();

  static AgentOptions parse(String args) {
    AgentOptions options = new AgentOptions();
    if (args == null || args.isBlank()) {
      return options;
    }
    for (String part : args.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      String key = (eq < 0 ? part : part.substring(0, eq)).trim();
      String value = eq < 0 ? "" : part.substring(eq + 1).trim();
      try {
        options.set(key, value);
        options.given.merge(key, value, (old, added) -> old + ";" + added);
      } catch (IllegalArgumentException e) {
        options.problems.add(e.getMessage());
      }
    }
    if (options.dumpIntervalMillis > 0 && options.dump == null) {
      options.problems.add("dumpInterval needs dump=PATH; no periodic dumps will be written");
      options.dumpIntervalMillis = 0;
      options.given.remove("dumpInterval");
    }
    return options;
  }

  private void set(String key, String value) {
    switch (key) {
      case "dump":
        if (value.isEmpty()) {
          throw new IllegalArgumentException("option dump needs a path: dump=PATH");
        }
        dump = value;
        break;
      case "dumpInterval":
        dumpIntervalMillis = duration(key, value);
        break;
      case "maxLiveTasks":
        maxLiveTasks = count(key, value, 16, 1 << 24);
        break;
      case "maxFinishedTasks":
        maxFinishedTasks = count(key, value, 0, 1 << 24);
        break;
      case "maxEvents":
        maxEvents = count(key, value, 0, 1 << 26);
        break;
      case "errorMessages":
        errorMessages = bool(key, value);
        break;
      case "stuck":
        stuckMillis = duration(key, value);
        watchdog = true;
        break;
      case "control":
        control = bool(key, value);
        break;
      case "pinning":
        if (!List.of("auto", "on", "off").contains(value)) {
          throw new IllegalArgumentException(
              "option pinning=" + value + " ignored: expected auto, on or off");
        }
        pinning = value;
        break;
      case "trace":
        trace = trace.and(TracePatterns.parse(value));
        break;
      default:
        throw new IllegalArgumentException(
            "unknown option '" + key + "' ignored; known options: " + String.join(", ", KNOWN));
    }
  }

  RecorderSettings recorderSettings() {
    return new RecorderSettings(maxLiveTasks, maxFinishedTasks, maxEvents, errorMessages);
  }

  Map<String, String> given() {
    return Collections.unmodifiableMap(given);
  }

  private static long duration(String key, String value) {
    Matcher m = Durations.SYNTAX.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "option " + key + "=" + value + " ignored: expected a duration like 500ms, 30s, 5m, 1h");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        break;
      case "s":
        n *= 1_000;
        break;
      case "m":
        n *= 60_000;
        break;
      default:
        n *= 3_600_000;
    }
    if (n < 100) {
      throw new IllegalArgumentException(
          "option " + key + "=" + value + " ignored: the shortest interval is 100ms");
    }
    return n;
  }

  private static int count(String key, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "option "
            + key
            + "="
            + value
            + " ignored: expected a whole number from "
            + min
            + " to "
            + max);
  }

  private static boolean bool(String key, String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(
        "option " + key + "=" + value + " ignored: expected true or false");
  }
}
