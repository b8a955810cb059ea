package dev.asyncinspect.analyzer.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.html.LayeredLayout.Box;
import dev.asyncinspect.analyzer.html.LayeredLayout.Layout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

  private static double[][] boxes(int n) {
    double[][] sizes = new double[n][];
    for (int i = 0; i < n; i++) {
      sizes[i] = new double[] {100 + 10 * i, 30};
    }
    return sizes;
  }

  private static Layout layout(int n, int[] from, int[] to) {
    return LayeredLayout.of(boxes(n), from, to, new double[from.length]);
  }

  @Test
  void aChainGoesLeftToRightOneColumnEach() {
    Layout layout = layout(3, new int[] {0, 1}, new int[] {1, 2});

    assertThat(layout.layers()).containsExactly(0, 1, 2);
    Box[] b = layout.boxes();
    assertThat(b[1].x()).isEqualTo(b[0].x() + b[0].width() + LayeredLayout.COLUMN_GAP);
    assertThat(b[2].x()).isGreaterThan(b[1].x() + b[1].width());
    assertThat(b[0].y()).isEqualTo(b[1].y()).isEqualTo(b[2].y());
  }

  @Test
  void theEdgeThatClosesACycleIsLeftOutOfTheLayering() {
    // 0 -> 1 -> 2 -> 3 -> 0: the search from 0 finds 3 -> 0 as the back edge.
    Layout layout = layout(4, new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 0});

    assertThat(layout.layers()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aNodeGoesAfterItsLongestPathAndAColumnMakesRoomForItsLabels() {
    // 0 -> 1 -> 2 and 0 -> 2: node 2 in column 2. The labels of 0's edges are 300 wide.
    double[][] sizes = boxes(3);
    Layout layout =
        LayeredLayout.of(
            sizes, new int[] {0, 1, 0}, new int[] {1, 2, 2}, new double[] {300, 0, 300});

    assertThat(layout.layers()).containsExactly(0, 1, 2);
    assertThat(layout.boxes()[1].x()).isEqualTo(sizes[0][0] + 300 + 40);
  }

  @Test
  void componentsAreStackedAndBoxesInAColumnDoNotOverlap() {
    // Component A: 0 -> 1, 0 -> 2; component B: 3 -> 4.
    Layout layout = layout(5, new int[] {0, 0, 3}, new int[] {1, 2, 4});
    Box[] b = layout.boxes();

    assertThat(b[1].x()).isEqualTo(b[2].x());
    assertThat(Math.abs(b[1].y() - b[2].y())).isGreaterThanOrEqualTo(30 + LayeredLayout.ROW_GAP);
    double bottomOfA = Math.max(b[1].y() + 30, b[2].y() + 30);
    assertThat(b[3].y()).isGreaterThanOrEqualTo(bottomOfA + LayeredLayout.COMPONENT_GAP);
    assertThat(layout.height()).isEqualTo(b[4].y() + 30);
  }

  @Test
  void aShallowComponentAfterADeepOneKeepsItsOwnColumnGaps() {
    // Component A: 0 -> 1 -> 2 -> 3 with wide labels; component B: 4 alone.
    Layout layout =
        LayeredLayout.of(
            boxes(5), new int[] {0, 1, 2}, new int[] {1, 2, 3}, new double[] {300, 300, 300});

    assertThat(layout.layers()).containsExactly(0, 1, 2, 3, 0);
    assertThat(layout.boxes()[4].x()).isZero();
    assertThat(layout.width()).isEqualTo(layout.boxes()[3].x() + layout.boxes()[3].width());
  }

  @Test
  void theSameGraphAlwaysGetsTheSameDrawing() {
    int[] from = {0, 1, 2, 3, 4, 5, 1, 6};
    int[] to = {1, 2, 0, 4, 5, 3, 4, 2};
    Layout first = layout(7, from, to);
    Layout second = layout(7, from, to);

    assertThat(Arrays.asList(second.boxes())).isEqualTo(Arrays.asList(first.boxes()));
  }
}
