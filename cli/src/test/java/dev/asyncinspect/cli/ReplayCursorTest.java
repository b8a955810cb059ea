package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCursorTest {
  private static final long SECOND = 1_000_000_000L;

  @TempDir Path dir;
  private ReplayCursor cursor;

  @BeforeEach
  void read() throws Exception {
    cursor = new ReplayCursor(ReplayHistory.of(MonitorDumps.read(dir, ReplayDumps.HISTORY)));
  }

  @Test
  void stepsStayWithinTheHistory() {
    assertThat(cursor.position()).isEqualTo(1);
    assertThat(cursor.time()).isEqualTo(2 * SECOND);
    cursor.step(-1);
    assertThat(cursor.position()).isEqualTo(1);
    cursor.step(3);
    assertThat(cursor.position()).isEqualTo(4);
    assertThat(cursor.time()).isEqualTo(8 * SECOND);
    cursor.step(cursor.largeStep());
    assertThat(cursor.position()).isEqualTo(7);
    cursor.toStart();
    assertThat(cursor.position()).isEqualTo(1);
    cursor.toEnd();
    assertThat(cursor.time()).isEqualTo(11 * SECOND);
  }

  @Test
  void playingMovesTheMomentAtTheSpeedAndTakesInTheEvents() {
    cursor.playOrPause();
    assertThat(cursor.playing()).isTrue();
    assertThat(cursor.advance(SECOND / 2)).isTrue();
    assertThat(cursor.time()).isEqualTo(2 * SECOND + SECOND / 2);
    assertThat(cursor.position()).isEqualTo(1);
    cursor.faster(); // 2x: 1.5 s of real time are 3 s of the recording, to 5.5 s
    assertThat(cursor.speed()).isEqualTo("2x");
    cursor.advance(SECOND + SECOND / 2);
    assertThat(cursor.time()).isEqualTo(5 * SECOND + SECOND / 2);
    assertThat(cursor.position()).isEqualTo(3);
    cursor.slower();
    cursor.slower();
    assertThat(cursor.speed()).isEqualTo("1/2x");
    cursor.advance(SECOND); // half a second of the recording
    assertThat(cursor.time()).isEqualTo(6 * SECOND);
    cursor.advance(1_000 * SECOND); // past the end: stops at the last event
    assertThat(cursor.position()).isEqualTo(7);
    assertThat(cursor.time()).isEqualTo(11 * SECOND);
    assertThat(cursor.playing()).isFalse();
    assertThat(cursor.advance(SECOND)).isFalse();
  }

  @Test
  void playAtTheEndStartsOverAndAStepPauses() {
    cursor.toEnd();
    cursor.playOrPause();
    assertThat(cursor.position()).isEqualTo(1);
    assertThat(cursor.playing()).isTrue();
    cursor.step(1);
    assertThat(cursor.playing()).isFalse();
    assertThat(cursor.position()).isEqualTo(2);
  }
}
