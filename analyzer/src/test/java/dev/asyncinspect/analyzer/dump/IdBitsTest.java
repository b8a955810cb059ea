package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A set of ids holds exactly the non-negative ones it was made of, small or huge. */
class IdBitsTest {
  @Test
  void holdsItsIdsAndNothingElse() {
    List<Integer> ids = List.of(0, 1, 63, 64, 65, 1000, 4_194_303, 4_194_304, Integer.MAX_VALUE);
    IdBits bits = IdBits.of(ids);
    for (int id : ids) {
      assertThat(bits.contains(id)).as("%d", id).isTrue();
    }
    for (int id :
        List.of(2, 62, 66, 999, 1001, 4_194_302, 4_194_305, Integer.MAX_VALUE - 1, 1 << 30)) {
      assertThat(bits.contains(id)).as("%d", id).isFalse();
    }
  }

  @Test
  void negativeIdsAreNeverInIt() {
    IdBits bits = IdBits.of(List.of(-1, -64, Integer.MIN_VALUE, 5));
    for (int id : List.of(-1, -64, Integer.MIN_VALUE, -65, -2)) {
      assertThat(bits.contains(id)).as("%d", id).isFalse();
    }
    assertThat(bits.contains(5)).isTrue();
  }

  @Test
  void anEmptySetHoldsNothing() {
    IdBits bits = IdBits.of(Set.of());
    assertThat(bits.contains(0)).isFalse();
    assertThat(bits.contains(-1)).isFalse();
    assertThat(bits.contains(Integer.MAX_VALUE)).isFalse();
  }
}
