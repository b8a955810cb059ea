package dev.asyncinspect.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationFormatTest {

  @ParameterizedTest
  @CsvSource({
    "-5, 0ns",
    "0, 0ns",
    "999, 999ns",
    "1000, 1.0us",
    "1549, 1.5us",
    "9949, 9.9us",
    "9950, 10us",
    "999499, 999us",
    "999500, 1.0ms",
    "12345678, 12ms",
    "1499998000, 1.5s",
    "59499999999, 59s",
    "59500000000, 1m00s",
    "125000000000, 2m05s",
    "3599000000000, 59m59s",
    "3720000000000, 1h02m",
    "277200000000000, 3d05h",
    "9223372036854775807, 106751d23h",
  })
  void formats(long nanos, String expected) {
    assertThat(DurationFormat.format(nanos)).isEqualTo(expected);
  }
}
