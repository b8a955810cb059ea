package dev.asyncinspect.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * An installed JDK (or JRE) that a program can be forked on. Its display name, {@code jdk17}, is
 * what the parameterized end-to-end tests show.
 */
record Jdk(Path home, Runtime.Version version) {

  int feature() {
    return version.feature();
  }

  Path java() {
    return home.resolve("bin").resolve("java");
  }

  Path jcmd() {
    return home.resolve("bin").resolve("jcmd");
  }

  @Override
  public String toString() {
    return "jdk" + feature();
  }

  /**
   * The JDK installed at {@code home}, known by the {@code JAVA_VERSION} of its {@code release}
   * file; empty when {@code home} has no such file or no {@code bin/java}.
   */
  static Optional<Jdk> at(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(release)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + release, e);
    }
    String quoted = properties.getProperty("JAVA_VERSION");
    if (quoted == null) {
      return Optional.empty();
    }
    return parseVersion(quoted.replace("\"", "").trim()).map(version -> new Jdk(home, version));
  }

  /** Parses {@code 17.0.15}, {@code 25}, {@code 26-ea} and the old style {@code 1.8.0_392}. */
  static Optional<Runtime.Version> parseVersion(String javaVersion) {
    String modern =
        javaVersion.startsWith("1.") ? javaVersion.substring(2).split("[._]")[0] : javaVersion;
    try {
      return Optional.of(Runtime.Version.parse(modern));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
