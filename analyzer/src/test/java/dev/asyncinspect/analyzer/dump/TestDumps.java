package dev.asyncinspect.analyzer.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** The hand-written dumps of src/test/resources/dumps, and variants of them made by tests. */
final class TestDumps {
  private TestDumps() {}

  static Path resource(String name) {
    try {
      return Path.of(TestDumps.class.getResource("/dumps/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test dump " + name, e);
    }
  }

  static List<String> lines(String name) throws IOException {
    return Files.readAllLines(resource(name), StandardCharsets.UTF_8);
  }

  /** Writes lines, each followed by a newline. */
  static Path write(Path dir, String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }

  /** Writes text exactly as given. */
  static Path writeText(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
