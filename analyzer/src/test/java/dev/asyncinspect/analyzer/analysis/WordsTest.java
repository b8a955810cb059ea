package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void percent() {
    assertThat(Words.percent(0)).isEqualTo("0%");
    assertThat(Words.percent(0.001)).isEqualTo("<1%");
    assertThat(Words.percent(0.2)).isEqualTo("20%");
    assertThat(Words.percent(9.99)).isEqualTo("999%");
    assertThat(Words.percent(10)).isEqualTo(">999%");
  }

  @Test
  void compactCount() {
    assertThat(Words.compactCount(99_999)).isEqualTo("99999");
    assertThat(Words.compactCount(123_456)).isEqualTo("123k");
    assertThat(Words.compactCount(1_234_567)).isEqualTo("1.2M");
    assertThat(Words.compactCount(999_600)).isEqualTo("1.0M");
    assertThat(Words.compactCount(Long.MAX_VALUE)).isEqualTo("9.2E");
  }

  @Test
  void lineFitKeepsPhrasesWholeAndIndentsContinuations() {
    String first = "x".repeat(60);
    assertThat(LineFit.fit(first, List.of("a".repeat(15), "b".repeat(15)), "  ", "    "))
        .containsExactly(first + "  " + "a".repeat(15), "    " + "b".repeat(15));
    assertThat(LineFit.fit("y".repeat(100), List.of(), "  ", "")).containsExactly("y".repeat(100));
  }
}
