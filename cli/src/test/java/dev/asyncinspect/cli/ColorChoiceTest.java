package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorChoiceTest {

  @Test
  void onlyOnATerminalWithoutNoColor() {
    assertThat(ColorChoice.useColor(false, Map.of(), true)).isTrue();
    assertThat(ColorChoice.useColor(false, Map.of(), false)).isFalse();
    assertThat(ColorChoice.useColor(true, Map.of(), true)).isFalse();
    assertThat(ColorChoice.useColor(false, Map.of("NO_COLOR", "1"), true)).isFalse();
    // https://no-color.org: set to an empty string, NO_COLOR does not count.
    assertThat(ColorChoice.useColor(false, Map.of("NO_COLOR", ""), true)).isTrue();
  }

  @Test
  void testsDoNotRunOnATerminal() {
    // Surefire runs the tests with redirected output: the golden files rely on this.
    assertThat(ColorChoice.stdoutIsTerminal()).isFalse();
  }
}
