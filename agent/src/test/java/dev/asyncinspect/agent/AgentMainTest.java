package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.agent.bootstrap.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** When the agent cannot start, the application runs on with one line on stderr. */
class AgentMainTest {

  @Test
  void failureToStartIsOneLineAndNothingIsInstalled() {
    // Here the agent's classes come from a folder, not a jar: the start must fail cleanly.
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      AgentMain.premain("dump=x.aidump.jsonl", null);
    } finally {
      System.setErr(original);
    }
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .singleElement()
        .asString()
        .startsWith("[async-inspect] agent not started, the application runs untraced: ")
        .contains("not running from a jar");
    assertThat(Recorder.active()).isNull();
  }
}
