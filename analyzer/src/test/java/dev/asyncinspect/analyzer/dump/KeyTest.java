package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A key compared eight bytes at a time matches exactly where a byte-by-byte comparison does. */
class KeyTest {
  private static boolean byteByByte(byte[] text, byte[] line, int at, int limit) {
    if (limit - at < text.length) {
      return false;
    }
    for (int i = 0; i < text.length; i++) {
      if (line[at + i] != text[i]) {
        return false;
      }
    }
    return true;
  }

  @Test
  void matchesWhereAByteByByteComparisonDoesForEveryLengthPlaceAndLimit() {
    String alphabet =
        "{\"type\":\"event\",\"seq\":1234567,\"t\":89,\"task\":7,\"state\":\"RUNNING\"}";
    for (int length = 1; length <= 24; length++) {
      for (int from = 0; from + length <= alphabet.length(); from += 3) {
        byte[] text = alphabet.substring(from, from + length).getBytes(StandardCharsets.US_ASCII);
        Key key = Key.of(alphabet.substring(from, from + length));
        byte[] all = alphabet.getBytes(StandardCharsets.US_ASCII);
        for (int limit = 0; limit <= all.length; limit++) {
          // The line ends at limit exactly: a read past it would throw.
          byte[] line = Arrays.copyOf(all, limit);
          for (int at = 0; at <= limit; at++) {
            assertThat(key.isAt(line, at, limit))
                .as("%s at %d, limit %d", key, at, limit)
                .isEqualTo(byteByByte(text, line, at, limit));
          }
        }
      }
    }
  }

  @Test
  void aDifferenceInAnyByteIsAMismatch() {
    String text = "{\"type\":\"event\",\"seq\":";
    Key key = Key.of(text);
    byte[] line = (text + "12}").getBytes(StandardCharsets.US_ASCII);
    assertThat(key.isAt(line, 0, line.length)).isTrue();
    for (int i = 0; i < text.length(); i++) {
      byte[] changed = line.clone();
      changed[i] ^= 0x20;
      assertThat(key.isAt(changed, 0, changed.length)).as("byte %d changed", i).isFalse();
    }
  }

  @Test
  void knowsItsLengthAndFirstByte() {
    Key key = Key.of(",\"t\":");
    assertThat(key.length()).isEqualTo(5);
    assertThat(key.first()).isEqualTo((byte) ',');
    assertThat(key).hasToString(",\"t\":");
  }
}
