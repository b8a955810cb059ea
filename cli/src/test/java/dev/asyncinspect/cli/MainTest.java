package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void aCommandLineNamingASubcommandRunsWithThatOneAloneAndAsWithAll() throws Exception {
    String dump = Path.of(MainTest.class.getResource("/dumps/example.jsonl").toURI()).toString();
    List<String[]> commandLines =
        List.of(
            new String[] {"analyze", dump},
            new String[] {"--stacktrace", "analyze", "--format", "json", dump},
            new String[] {"analyze", "--help"},
            new String[] {"analyze", "--no-such-option", dump},
            new String[] {"export", "--format", "dot", dump},
            new String[] {"ps", "--help"},
            new String[] {"dump", "--help"},
            new String[] {"monitor", "--help"},
            new String[] {"help", "analyze"},
            new String[] {"-h", "analyze"},
            new String[] {"analyse", dump},
            new String[] {"--version"},
            new String[] {});
    for (String[] args : commandLines) {
      CommandRun alone = CommandRun.of(args);
      CommandRun withAll = CommandRun.of(Main.commandLine(), args);
      assertThat(alone).as(String.join(" ", args)).isEqualTo(withAll);
    }
    assertThat(Main.commandLine(new String[] {"--stacktrace", "export", dump}).getSubcommands())
        .containsOnlyKeys("export");
    assertThat(Main.commandLine(new String[] {"help", "export"}).getSubcommands())
        .containsOnlyKeys("analyze", "export", "ps", "dump", "monitor", "help");
    assertThat(Main.commandLine(new String[] {"-h", "export"}).getSubcommands()).hasSize(6);
  }

  @Test
  void versionNamesOurVersionTheFormatAndTheJvm() {
    CommandRun run = CommandRun.of("--version");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines().get(0)).matches("async-inspect \\d+\\.\\d+\\.\\d+.*");
    assertThat(run.outLines().get(1)).isEqualTo("reads dump format 1.x");
    assertThat(run.outLines().get(2)).startsWith("JVM: ");
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    CommandRun run = CommandRun.of("--help");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains(
            "Usage: async-inspect", "analyze", "--stacktrace", "Exit codes:", "2   bad input");
  }

  @Test
  void analyzeHelp() {
    for (CommandRun run :
        new CommandRun[] {CommandRun.of("analyze", "--help"), CommandRun.of("help", "analyze")}) {
      assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).contains("Usage: async-inspect analyze", "<dump>", "--stacktrace");
    }
  }

  @Test
  void noCommandIsAUsageErrorInOneLine() {
    CommandRun run = CommandRun.of();
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("async-inspect: no command given (see 'async-inspect --help')");
  }

  @Test
  void misspelledCommandGetsASuggestion() {
    CommandRun run = CommandRun.of("analyse", "x");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("async-inspect: Unmatched arguments")
        .contains("did you mean analyze?")
        .endsWith("(see 'async-inspect --help')");
  }

  @Test
  void missingDumpArgument() {
    CommandRun run = CommandRun.of("analyze");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.errLines())
        .containsExactly(
            "async-inspect: Missing required parameter: '<dump>'"
                + " (see 'async-inspect analyze --help')");
  }
}
