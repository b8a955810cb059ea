package dev.asyncinspect.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds source lines by the marker comments of the test programs, {@code // await:join-user}, so
 * that no test hard-codes a line number.
 *
 * <p>The sources are under {@code src/main/java} and {@code src/main/java21} of the testapps
 * module, whose directory is the system property {@value #BASEDIR} (else the working directory).
 */
final class SourceMarkers {

  static final String BASEDIR = "asyncinspect.testapps.basedir";

  private SourceMarkers() {}

  /** {@code File.java:line} of the line that ends with {@code // marker}. */
  static String location(Class<?> program, String marker) {
    return sourceFile(program).getFileName() + ":" + line(program, marker);
  }

  /** The 1-based number of the only line of the program's source that ends with the marker. */
  static int line(Class<?> program, String marker) {
    Path source = sourceFile(program);
    List<String> lines;
    try {
      lines = Files.readAllLines(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String comment = "// " + marker;
    List<Integer> found =
        IntStream.range(0, lines.size())
            .filter(i -> lines.get(i).stripTrailing().endsWith(comment))
            .mapToObj(i -> i + 1)
            .toList();
    if (found.size() != 1) {
      throw new IllegalStateException(
          "expected one line ending with '" + comment + "' in " + source + ", found " + found);
    }
    return found.get(0);
  }

  static Path sourceFile(Class<?> program) {
    String basedir = System.getProperty(BASEDIR, System.getProperty("user.dir"));
    String relative = program.getName().replace('.', '/') + ".java";
    for (String root : List.of("src/main/java", "src/main/java21")) {
      Path candidate = Path.of(basedir, root, relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no source of " + program.getName() + " under " + basedir + "/src/main/java{,21}");
  }
}
