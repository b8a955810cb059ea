package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void numbersWithUnits() {
    assertThat(Durations.parseNanos("0")).isZero();
    assertThat(Durations.parseNanos("0ms")).isZero();
    assertThat(Durations.parseNanos("250ns")).isEqualTo(250);
    assertThat(Durations.parseNanos("1.5us")).isEqualTo(1_500);
    assertThat(Durations.parseNanos("500ms")).isEqualTo(500_000_000);
    assertThat(Durations.parseNanos("5s")).isEqualTo(5_000_000_000L);
    assertThat(Durations.parseNanos("1.5S")).isEqualTo(1_500_000_000L);
    assertThat(Durations.parseNanos("2m")).isEqualTo(120_000_000_000L);
    assertThat(Durations.parseNanos("1h")).isEqualTo(3_600_000_000_000L);
    assertThat(Durations.parseNanos("1d")).isEqualTo(86_400_000_000_000L);
  }

  @Test
  void refusals() {
    for (String text : new String[] {"", "5", "-1s", "5 s", "s", "1.s", "5sec", "1e3ms"}) {
      assertThatThrownBy(() -> Durations.parseNanos(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("invalid duration '" + text + "'");
    }
    assertThatThrownBy(() -> Durations.parseNanos("999999999d"))
        .hasMessage("duration '999999999d' is too long");
  }
}
