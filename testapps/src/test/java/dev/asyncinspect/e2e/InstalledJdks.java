package dev.asyncinspect.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JDKs the end-to-end tests fork programs on: JDK 17 and the newest JDK installed.
 *
 * <p>The search starts at the test JVM's {@code java.home}, Maven's own JVM (system property
 * {@value #MAVEN_JAVA_HOME}) and {@code JAVA_HOME}, and looks at every directory beside each of
 * them, where JDKs are usually installed side by side ({@code /usr/lib/jvm}). The system property
 * {@value #OVERRIDE}, a comma-separated list of JDK homes, replaces the search: exactly those JDKs
 * are used.
 */
final class InstalledJdks {

  static final String OVERRIDE = "asyncinspect.e2e.jdks";
  static final String MAVEN_JAVA_HOME = "asyncinspect.e2e.mavenJavaHome";

  private static List<Jdk> chosen;

  private InstalledJdks() {}

  /** For {@code @MethodSource}: the JDKs for programs that run on 17, JDK 17 and the newest. */
  static Stream<Jdk> forRelease17() {
    return atLeast(17).stream();
  }

  /** For {@code @MethodSource}: the JDKs for programs that need 21, the newest only. */
  static Stream<Jdk> forRelease21() {
    return atLeast(21).stream();
  }

  static List<Jdk> atLeast(int feature) {
    List<Jdk> jdks = chosen().stream().filter(jdk -> jdk.feature() >= feature).toList();
    if (jdks.isEmpty()) {
      throw new IllegalStateException(
          "No JDK "
              + feature
              + " or newer among the JDKs chosen for the end-to-end tests: "
              + describe(chosen())
              + ". Install one beside them or name it in -D"
              + OVERRIDE);
    }
    return jdks;
  }

  static synchronized List<Jdk> chosen() {
    if (chosen == null) {
      chosen = choose(System.getProperty(OVERRIDE), startingPoints());
    }
    return chosen;
  }

  private static List<Path> startingPoints() {
    return Stream.of(
            System.getProperty("java.home"),
            System.getProperty(MAVEN_JAVA_HOME),
            System.getenv("JAVA_HOME"))
        .filter(home -> home != null && !home.isBlank())
        .map(Path::of)
        .toList();
  }

  /**
   * The JDKs named by {@code override} when it is not blank, else JDK 17 and the newest JDK found
   * at or beside the {@code startingPoints}.
   */
  static List<Jdk> choose(String override, List<Path> startingPoints) {
    if (override != null && !override.isBlank()) {
      return Arrays.stream(override.split(","))
          .map(String::trim)
          .filter(home -> !home.isEmpty())
          .map(home -> jdkAt(Path.of(home)))
          .sorted(Comparator.comparing(Jdk::version))
          .toList();
    }
    Map<Path, Optional<Jdk>> searched = search(startingPoints);
    List<Jdk> found =
        searched.values().stream()
            .flatMap(Optional::stream)
            .sorted(Comparator.comparing(Jdk::version))
            .toList();
    Jdk jdk17 =
        found.stream()
            .filter(jdk -> jdk.feature() == 17)
            .reduce((older, newer) -> newer)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No JDK 17 found for the end-to-end tests. Searched java.home, Maven's"
                            + " java.home, JAVA_HOME and the directories beside them: "
                            + describeSearch(searched)
                            + ". Install a JDK 17 there, or name the JDKs to test on with -D"
                            + OVERRIDE
                            + "=<jdk 17 home>,<newest jdk home>"));
    Jdk newest = found.get(found.size() - 1);
    return newest.feature() == 17 ? List.of(jdk17) : List.of(jdk17, newest);
  }

  /** Every directory looked at, by real path, with the JDK found there, if any. */
  private static Map<Path, Optional<Jdk>> search(List<Path> startingPoints) {
    Map<Path, Optional<Jdk>> searched = new LinkedHashMap<>();
    for (Path start : startingPoints) {
      List<Path> candidates = new ArrayList<>();
      candidates.add(start);
      Path parent = start.toAbsolutePath().getParent();
      if (parent != null && Files.isDirectory(parent)) {
        try (Stream<Path> siblings = Files.list(parent)) {
          siblings.filter(Files::isDirectory).sorted().forEach(candidates::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + parent, e);
        }
      }
      for (Path candidate : candidates) {
        Path real = realPath(candidate);
        searched.computeIfAbsent(real, Jdk::at);
      }
    }
    return searched;
  }

  private static Jdk jdkAt(Path home) {
    return Jdk.at(realPath(home))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "-D"
                        + OVERRIDE
                        + " names "
                        + home
                        + ", which is not a JDK home (no release file with JAVA_VERSION, or no"
                        + " bin/java)"));
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  private static String describeSearch(Map<Path, Optional<Jdk>> searched) {
    if (searched.isEmpty()) {
      return "nothing (none of them is set)";
    }
    return searched.entrySet().stream()
        .map(e -> e.getKey() + e.getValue().map(jdk -> " (JDK " + jdk.version() + ")").orElse(""))
        .collect(Collectors.joining(", "));
  }

  private static String describe(List<Jdk> jdks) {
    return jdks.stream()
        .map(jdk -> jdk.home() + " (JDK " + jdk.version() + ")")
        .collect(Collectors.joining(", "));
  }
}
