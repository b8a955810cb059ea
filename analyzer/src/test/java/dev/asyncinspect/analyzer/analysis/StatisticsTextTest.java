package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTextTest {
  private final Statistics shop = Statistics.of(ShopDump.build());

  @Test
  void textGolden() throws Exception {
    Golden.assertMatches("statistics.txt", StatisticsText.render(shop, false));
  }

  @Test
  void fitsEightyColumnsWithColour() {
    List<String> lines = StatisticsText.render(shop, true);
    assertThat(lines)
        .allSatisfy(line -> assertThat(LineFit.visibleLength(line)).isLessThanOrEqualTo(80));
    assertThat(lines.stream().map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")))
        .containsExactlyElementsOf(StatisticsText.render(shop, false));
  }
}
