package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpFormatException;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against bad dumps: thousands of mutated, truncated and random dumps, with huge
 * lines, deep nesting and invalid UTF-8 (made by {@link FuzzedDumps} from the test dumps and a
 * generated one). {@code analyze} and {@code export} must each finish within a generous bound with
 * exit code 0 or 1 (an analysis of what could be read) or 2 and a one-line message, never an
 * internal error (4), never a stack trace, never a hang. Every case is made from a seed the failure
 * message names: {@code FuzzedDumps.make(seed dump, case seed)} makes it again.
 */
class DumpFuzzTest {
  // A longer or another run: mvn ... -Dasyncinspect.fuzz.cases=20000 -Dasyncinspect.fuzz.seed=7
  private static final long BASE_SEED = Long.getLong("asyncinspect.fuzz.seed", 0x5EED_2026L);
  private static final int CASES = Integer.getInteger("asyncinspect.fuzz.cases", 2_000);
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final int MAX_REPORTED = 15;

  private static final String[] SEEDS = {
    "/dumps/example.jsonl",
    "/dumps/rich.jsonl",
    "/dumps/truncated.jsonl",
    "/dumps/agent/failing-chain.jsonl",
    "/dumps/agent/fan-out-pipeline.jsonl",
    "/dumps/agent/stuck-future.jsonl",
    "/dumps/agent/vt-deadlock.jsonl"
  };

  private static final String[][] COMMANDS = {
    {"analyze"},
    {"analyze", "--format", "json"},
    {"analyze", "--show-stuck", "0", "--show-call-graph", "--show-stats", "--show-lints"},
    {"export", "--format", "dot"},
    {"export", "--format", "mermaid"},
    {"export", "--format", "json"}
  };

  @TempDir static Path dir;
  private static final Map<String, byte[]> seeds = new LinkedHashMap<>();

  @BeforeAll
  static void readSeeds() throws IOException, URISyntaxException {
    for (String seed : SEEDS) {
      seeds.put(seed, Files.readAllBytes(Path.of(DumpFuzzTest.class.getResource(seed).toURI())));
    }
    seeds.put("generated", GeneratedDump.lines(new Random(BASE_SEED), 120).getBytes());
  }

  @Test
  void theSeedsThemselvesAreRead() throws IOException {
    for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
      Path file = Files.write(dir.resolve("seed.aidump.jsonl"), seed.getValue());
      CommandRun run = CommandRun.of("analyze", file.toString());
      assertThat(run.exitCode()).as("%s: %s", seed.getKey(), run.err()).isIn(0, 1);
    }
  }

  @Test
  void badDumpsGetAnAnswerOrOneLineNeverAStackTraceOrAHang() throws IOException {
    List<String> failures = new ArrayList<>();
    List<String> names = new ArrayList<>(seeds.keySet());
    Map<Integer, Integer> exitCodes = new LinkedHashMap<>();
    for (int i = 0; i < CASES; i++) {
      long caseSeed = BASE_SEED + i;
      String seedName = names.get(i % names.size());
      FuzzedDumps.Input input = FuzzedDumps.make(seeds.get(seedName), caseSeed);
      Path file =
          Files.write(
              dir.resolve("case.aidump.jsonl" + (input.gzip() ? ".gz" : "")), input.bytes());
      String[] command = COMMANDS[i % COMMANDS.length];
      String[] args = new String[command.length + 1];
      System.arraycopy(command, 0, args, 0, command.length);
      args[command.length] = file.toString();
      String problem;
      try {
        CommandRun run = assertTimeoutPreemptively(BOUND, () -> CommandRun.of(args));
        exitCodes.merge(run.exitCode(), 1, Integer::sum);
        problem = problem(run);
        if (problem == null && run.exitCode() != ExitCodes.BAD_INPUT) {
          problem = replayProblem(file);
        }
      } catch (Throwable e) { // a hang past the bound, or an error that escaped the command
        problem = "threw " + e;
      }
      if (problem != null && failures.size() < MAX_REPORTED) {
        failures.add(
            String.format(
                "case seed %d (FuzzedDumps.make(%s, %dL): %s), %s: %s",
                caseSeed,
                seedName,
                caseSeed,
                input.description(),
                String.join(" ", command),
                problem));
      }
      Files.deleteIfExists(file);
    }
    System.out.println(
        "fuzzed dumps: "
            + CASES
            + " cases, exit codes "
            + exitCodes
            + ", CPU "
            + ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime()
                / 1_000_000
            + " ms");
    assertThat(failures).as("failures (exit codes seen: %s)", exitCodes).isEmpty();
    // The cases must reach both sides: dumps read whole or in part, and dumps refused.
    assertThat(exitCodes.keySet()).as("exit codes seen").contains(0, 2);
  }

  /**
   * What goes wrong when {@code monitor --replay} draws a dump that was read (its first, middle and
   * last events, a task's details), or null: the replay must take what the reader takes.
   */
  private static String replayProblem(Path file) {
    Dump dump;
    try {
      dump = DumpReader.read(file);
    } catch (IOException e) {
      return null; // refused with a message, as analyze showed
    }
    if (dump.events().isEmpty()) {
      return null;
    }
    try {
      MonitorState state = new MonitorState();
      ReplayHistory history = ReplayHistory.of(dump);
      state.replay = new ReplayCursor(history);
      MonitorView view = new MonitorView(MonitorCommand.stuckThreshold(dump));
      for (int step : new int[] {0, history.size() / 2, history.size()}) {
        state.replay.step(step);
        ReplayFrame frame = state.replay.frame();
        view.render(frame, history, state, 80, 24);
        List<TaskInfo> rows = MonitorRows.of(frame.dump(), frame.unknown(), state);
        if (!rows.isEmpty()) {
          state.details = rows.get(0).id();
          view.render(frame, history, state, 80, 24);
          state.details = null;
        }
      }
      return null;
    } catch (RuntimeException | StackOverflowError | DumpFormatException e) {
      return "monitor --replay failed on a dump the reader took: " + e;
    }
  }

  /** What is wrong with a run's answer, or null. */
  private static String problem(CommandRun run) {
    List<String> err = run.errLines();
    if (run.exitCode() != 0 && run.exitCode() != 1 && run.exitCode() != 2) {
      return "exit code " + run.exitCode() + ", stderr: " + first(err);
    }
    for (String line : err) {
      if (!line.startsWith("async-inspect: ")) {
        return "stderr has more than messages (a stack trace?): " + first(err);
      }
    }
    if (run.exitCode() == 2) {
      if (err.isEmpty() || err.get(err.size() - 1).startsWith("async-inspect: warning: ")) {
        return "exit code 2 without a message: " + first(err);
      }
      if (!run.out().isEmpty()) {
        return "exit code 2 with output on stdout";
      }
    } else if (run.out().isEmpty()) {
      return "exit code " + run.exitCode() + " but nothing on stdout; stderr: " + first(err);
    }
    return null;
  }

  private static String first(List<String> lines) {
    StringJoiner text = new StringJoiner(" | ");
    lines.stream()
        .limit(4)
        .map(l -> l.length() > 300 ? l.substring(0, 300) + "..." : l)
        .forEach(text::add);
    return text.toString();
  }
}
