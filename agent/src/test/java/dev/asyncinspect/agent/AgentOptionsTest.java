package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

  @Test
  void noOptionsMeansDefaultsAndNoDump() {
    AgentOptions options = AgentOptions.parse(null);
    assertThat(options.dump).isNull();
    assertThat(options.problems).isEmpty();
    assertThat(options.maxLiveTasks).isEqualTo(16_384);
    assertThat(AgentOptions.parse("").problems).isEmpty();
  }

  @Test
  void readsEveryOption() {
    AgentOptions options =
        AgentOptions.parse(
            "dump=/tmp/a.aidump.jsonl,dumpInterval=30s,maxLiveTasks=1000,maxFinishedTasks=10,"
                + "maxEvents=0,errorMessages=false");
    assertThat(options.problems).isEmpty();
    assertThat(options.dump).isEqualTo("/tmp/a.aidump.jsonl");
    assertThat(options.dumpIntervalMillis).isEqualTo(30_000);
    assertThat(options.maxLiveTasks).isEqualTo(1000);
    assertThat(options.maxFinishedTasks).isEqualTo(10);
    assertThat(options.maxEvents).isZero();
    assertThat(options.errorMessages).isFalse();
    assertThat(options.given()).containsEntry("dumpInterval", "30s").hasSize(6);
  }

  @Test
  void badOptionsAreReportedOneLineEachAndDefaultsKept() {
    AgentOptions options =
        AgentOptions.parse("dump=x.jsonl,colour=blue,maxLiveTasks=lots,dumpInterval=5 minutes");
    assertThat(options.problems)
        .containsExactly(
            "unknown option 'colour' ignored; known options: dump, dumpInterval, maxLiveTasks,"
                + " maxFinishedTasks, maxEvents, errorMessages, trace, pinning, control, stuck",
            "option maxLiveTasks=lots ignored: expected a whole number from 16 to 16777216",
            "option dumpInterval=5 minutes ignored: expected a duration like 500ms, 30s, 5m, 1h");
    assertThat(options.dump).isEqualTo("x.jsonl");
    assertThat(options.maxLiveTasks).isEqualTo(16_384);
    assertThat(options.given()).containsOnlyKeys("dump");
  }

  @Test
  void intervalWithoutDumpPathIsDropped() {
    AgentOptions options = AgentOptions.parse("dumpInterval=1m");
    assertThat(options.dumpIntervalMillis).isZero();
    assertThat(options.problems)
        .containsExactly("dumpInterval needs dump=PATH; no periodic dumps will be written");
  }

  @Test
  void durationsInEveryUnit() {
    assertThat(AgentOptions.parse("dump=a,dumpInterval=250ms").dumpIntervalMillis).isEqualTo(250);
    assertThat(AgentOptions.parse("dump=a,dumpInterval=2m").dumpIntervalMillis).isEqualTo(120_000);
    assertThat(AgentOptions.parse("dump=a,dumpInterval=1h").dumpIntervalMillis)
        .isEqualTo(3_600_000);
    assertThat(AgentOptions.parse("dump=a,dumpInterval=10ms").problems)
        .containsExactly("option dumpInterval=10ms ignored: the shortest interval is 100ms");
  }
}
