package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole output of {@code analyze}, text and JSON, for the frozen dumps of the test programs and
 * the hand-written ones, against golden files. Dumps are named by a path relative to the module
 * (the tests' working directory), so that the output does not depend on the checkout's location;
 * colour is never on, as the output is not a terminal.
 */
class AnalyzeGoldenTest {
  private static final String DUMPS = "src/test/resources/dumps/";

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("stuck-future", "agent/stuck-future.jsonl", new String[0], 1),
        Arguments.of("vt-deadlock", "agent/vt-deadlock.jsonl", new String[0], 1),
        Arguments.of("failing-chain", "agent/failing-chain.jsonl", new String[0], 1),
        Arguments.of("fan-out-pipeline", "agent/fan-out-pipeline.jsonl", new String[0], 0),
        Arguments.of("rich", "rich.jsonl", new String[0], 1),
        Arguments.of(
            "rich-stuck-deadlocks",
            "rich.jsonl",
            new String[] {"--show-stuck=0", "--show-deadlocks"},
            1),
        Arguments.of(
            "failing-chain-stats", "agent/failing-chain.jsonl", new String[] {"--show-stats"}, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void text(String name, String dump, String[] options, int exitCode) throws Exception {
    CommandRun run = run(dump, options);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(run.outLines()).allSatisfy(line -> assertThat(line).doesNotContain("\u001b"));
    GoldenFiles.assertMatches("analyze-" + name + ".txt", run.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void json(String name, String dump, String[] options, int exitCode) throws Exception {
    String[] json =
        Stream.concat(Stream.of(options), Stream.of("--format", "json")).toArray(String[]::new);
    CommandRun run = run(dump, json);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    GoldenFiles.assertMatches("analyze-" + name + ".json", run.out());
  }

  private static CommandRun run(String dump, String[] options) {
    String[] args = new String[options.length + 2];
    args[0] = "analyze";
    System.arraycopy(options, 0, args, 1, options.length);
    args[args.length - 1] = DUMPS + dump;
    return CommandRun.of(args);
  }
}
