package dev.asyncinspect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the command's output under {@code src/test/resources/golden}. After a deliberate
 * change of the output, rerun the tests with {@code -Dgolden.update=true} to rewrite them, and
 * review the difference before committing.
 */
final class GoldenFiles {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private GoldenFiles() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
    assertThat(actual)
        .as("output against %s (rewrite with -Dgolden.update=true)", file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
