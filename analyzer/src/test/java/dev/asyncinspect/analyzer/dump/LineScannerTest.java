package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scanner reads integers by the fast paths' rules (at most 18 digits, no leading zero, an
 * optional minus), never past the end of the line, and stops right after the last digit.
 */
class LineScannerTest {
  /** The rules, digit by digit: at most 18 digits, no leading zero, an optional minus. */
  private static Long reference(byte[] line, int at, int limit) {
    int first = at < limit && line[at] == '-' ? at + 1 : at;
    int end = first;
    long value = 0;
    while (end < limit && end - first < 19 && line[end] >= '0' && line[end] <= '9') {
      value = value * 10 + (line[end] - '0');
      end++;
    }
    int digits = end - first;
    if (digits == 0 || digits > 18 || (digits > 1 && line[first] == '0')) {
      return null;
    }
    return first > at ? -value : value;
  }

  @Test
  void readsEveryIntegerAsTheRulesSay() {
    Random random = new Random(17);
    String after = ",}]\"/:\n 9x-.é";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      int before = random.nextInt(3);
      for (int k = 0; k < before; k++) {
        text.append('{');
      }
      if (random.nextInt(6) == 0) {
        text.append('-');
      }
      int length = random.nextInt(26);
      for (int k = 0; k < length; k++) {
        text.append(
            (char)
                ('0'
                    + (k == 0 && random.nextBoolean()
                        ? 1 + random.nextInt(9)
                        : random.nextInt(10))));
      }
      int trailing = random.nextInt(12);
      for (int k = 0; k < trailing; k++) {
        text.append(after.charAt(random.nextInt(after.length())));
      }
      byte[] line = text.toString().getBytes(StandardCharsets.UTF_8);
      // The line may end anywhere after the number: the scanner must not read past its end.
      int limit = before + random.nextInt(line.length - before + 1);
      LineScanner scanner = new LineScanner().reset(line, before, limit);
      Long expected = reference(line, before, limit);
      boolean read = scanner.number();
      assertThat(read).as(text + " up to " + limit).isEqualTo(expected != null);
      if (read) {
        assertThat(scanner.number).as(text + " up to " + limit).isEqualTo(expected);
        int digitsEnd = before + (expected < 0 || line[before] == '-' ? 1 : 0);
        while (digitsEnd < limit && line[digitsEnd] >= '0' && line[digitsEnd] <= '9') {
          digitsEnd++;
        }
        assertThat(scanner.position()).isEqualTo(digitsEnd);
      } else {
        assertThat(scanner.position()).isEqualTo(before);
      }
    }
  }

  @Test
  void theLargestAndLongestIntegers() {
    for (String text :
        new String[] {
          "999999999999999999",
          "-999999999999999999",
          "100000000000000000",
          "12345678",
          "1234567",
          "123456789",
          "1234567890123456",
          "12345678901234567",
          "0",
          "-0",
          "7"
        }) {
      byte[] line = (text + ",\"x\":1}").getBytes(StandardCharsets.US_ASCII);
      LineScanner scanner = new LineScanner().reset(line, 0, line.length);
      assertThat(scanner.number()).as(text).isTrue();
      assertThat(scanner.number).isEqualTo(Long.parseLong(text));
    }
    for (String text :
        new String[] {"1000000000000000000", "9999999999999999999999999", "01", "-"}) {
      byte[] line = (text + ",\"x\":1}").getBytes(StandardCharsets.US_ASCII);
      assertThat(new LineScanner().reset(line, 0, line.length).number()).as(text).isFalse();
    }
  }
}
