package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader's id index agrees with a map, whatever the ids look like. */
class LongIndexTest {
  static Stream<Arguments> shapes() {
    Random random = new Random(42);
    return Stream.of(
        Arguments.of("in order", (LongUnaryOperator) i -> i + 1),
        Arguments.of(
            "blocks of 256 per stripe", (LongUnaryOperator) i -> i % 256 + 512 * (i / 256)),
        Arguments.of("the same low bits", (LongUnaryOperator) i -> i << 20),
        Arguments.of("negative and extreme", (LongUnaryOperator) i -> Long.MIN_VALUE + i * 7919),
        Arguments.of("random", (LongUnaryOperator) i -> random.nextLong()),
        Arguments.of("a few repeated", (LongUnaryOperator) i -> i % 97));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void findsWhatAMapFindsAndKeepsTheFirstPositionOfAKey(String shape, LongUnaryOperator key) {
    LongIndex index = new LongIndex(1); // grows many times on the way
    Map<Long, Integer> oracle = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      long id = key.applyAsLong(i);
      assertThat(index.putIfAbsent(id, i)).isEqualTo(oracle.putIfAbsent(id, i) == null);
    }
    assertThat(index.size()).isEqualTo(oracle.size());
    for (Map.Entry<Long, Integer> entry : oracle.entrySet()) {
      assertThat(index.get(entry.getKey())).isEqualTo(entry.getValue());
    }
    for (int i = 0; i < 50_000; i++) {
      long absent = key.applyAsLong(i) ^ 0x5555_0000_0000_0001L;
      if (!oracle.containsKey(absent)) {
        assertThat(index.get(absent)).isEqualTo(-1);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void anEmptyIndexHasNothing(String shape, LongUnaryOperator key) {
    LongIndex index = new LongIndex(0);
    assertThat(index.get(key.applyAsLong(3))).isEqualTo(-1);
    assertThat(index.size()).isZero();
  }

  @org.junit.jupiter.api.Test
  void refusesANegativePosition() {
    assertThatThrownBy(() -> new LongIndex(4).putIfAbsent(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
