package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files: expected renderings under {@code src/test/resources/golden}. After a deliberate
 * change of a rendering, rerun the tests with {@code -Dgolden.update=true} to rewrite them, and
 * review the difference before committing.
 */
final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static void assertMatches(String name, List<String> actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.write(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
    assertThat(actual)
        .as("rendering against %s (rewrite with -Dgolden.update=true)", file)
        .containsExactlyElementsOf(Files.readAllLines(file, StandardCharsets.UTF_8));
  }
}
