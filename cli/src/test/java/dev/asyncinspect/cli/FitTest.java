package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitTest {
  @TempDir Path dir;

  @Test
  void controlCharactersNeverReachTheTerminal() {
    assertThat(Fit.cut("a\u001b[2Jb\u0007c\u009bd", 20)).isEqualTo("a\uFFFD[2Jb\uFFFDc\uFFFDd");
    assertThat(Fit.cutLeft("x\ty.java:4", 20)).isEqualTo("x\uFFFDy.java:4");
    assertThat(Fit.pad("tab\there", 10)).isEqualTo("tab\uFFFDhere  ");
    assertThat(Fit.cut("plain", 20)).isSameAs("plain");
  }

  @Test
  void aTaskNamedWithAnEscapeSequenceIsShownHarmless() throws Exception {
    List<String> lines = new ArrayList<>(ReplayDumps.HISTORY);
    lines.replaceAll(line -> line.replace("UserService.loadProfile", "evil\\u001b]0;owned\\u0007"));
    ReplayHistory history = ReplayHistory.of(MonitorDumps.read(dir, lines));
    MonitorState state = new MonitorState();
    state.replay = new ReplayCursor(history);
    state.replay.toEnd();
    state.details = 1L;
    List<AttributedString> screen =
        new MonitorView(10_000_000_000L).render(state.replay.frame(), history, state, 100, 20);
    String text = String.join("\n", screen.stream().map(AttributedString::toString).toList());
    assertThat(text).contains("#1 evil\uFFFD]0;owned\uFFFD BLOCKED").doesNotContain("\u001b");
    for (AttributedString line : screen) {
      assertThat(line.toAnsi()).doesNotContain("\u001b]").doesNotContain("\u0007");
    }
  }

  @Test
  void reportLinesKeepTheirColoursButNothingElse() {
    String red = "\u001b[1;31mDEADLOCK\u001b[0m";
    assertThat(Fit.visibleExceptColors(red)).isSameAs(red);
    assertThat(Fit.visibleExceptColors(red + " #1 evil\u001b]0;owned\u0007 \u001b[2J"))
        .isEqualTo(red + " #1 evil\uFFFD]0;owned\uFFFD \uFFFD[2J");
    assertThat(Fit.visibleExceptColors("cut\u001b[")).isEqualTo("cut\uFFFD[");
  }

  @Test
  void analyzeSendsNoEscapeSequenceOfADumpToTheTerminal() throws Exception {
    List<String> lines = new ArrayList<>(ReplayDumps.HISTORY);
    lines.replaceAll(line -> line.replace("UserService.loadProfile", "evil\\u001b]0;owned\\u0007"));
    Path file = dir.resolve("evil.aidump.jsonl");
    java.nio.file.Files.write(file, lines);

    CommandRun run = CommandRun.of("analyze", "--no-color", file.toString());

    assertThat(run.out()).contains("evil\uFFFD]0;owned\uFFFD").doesNotContain("\u001b");
  }
}
