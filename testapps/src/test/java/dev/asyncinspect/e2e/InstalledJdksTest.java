package dev.asyncinspect.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledJdksTest {

  @TempDir Path jvms;

  @Test
  void choosesJdk17AndTheNewestBesideTheStartingPoint() throws IOException {
    Path start = fakeJdk("java-17", "17.0.15");
    fakeJdk("temurin-21", "21.0.2");
    fakeJdk("temurin-25", "25.0.3");
    Files.createDirectories(jvms.resolve("docs-only"));

    assertThat(InstalledJdks.choose(null, List.of(start)))
        .extracting(Jdk::toString, jdk -> jdk.home().getFileName().toString())
        .containsExactly(tuple("jdk17", "java-17"), tuple("jdk25", "temurin-25"));
  }

  @Test
  void prefersTheLatestUpdateOf17() throws IOException {
    Path start = fakeJdk("old-17", "17.0.2");
    fakeJdk("new-17", "17.0.15");

    assertThat(InstalledJdks.choose("", List.of(start)))
        .singleElement()
        .satisfies(jdk -> assertThat(jdk.home().getFileName()).hasToString("new-17"));
  }

  @Test
  void failsAndSaysWhereItLookedWhenThereIsNoJdk17() throws IOException {
    Path start = fakeJdk("temurin-25", "25.0.3");
    fakeJdk("jdk8", "1.8.0_392");

    assertThatThrownBy(() -> InstalledJdks.choose(null, List.of(start)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No JDK 17 found")
        .hasMessageContaining(start.toRealPath() + " (JDK 25.0.3)")
        .hasMessageContaining("jdk8 (JDK 8)")
        .hasMessageContaining("-Dasyncinspect.e2e.jdks=");
  }

  @Test
  void theOverrideWinsOverTheSearch() throws IOException {
    Path start = fakeJdk("java-17", "17.0.15");
    Path jdk21 = fakeJdk("temurin-21", "21.0.2");
    fakeJdk("temurin-25", "25.0.3");

    assertThat(InstalledJdks.choose(" " + jdk21 + " ", List.of(start)))
        .extracting(Jdk::toString)
        .containsExactly("jdk21");
  }

  @Test
  void anOverrideThatIsNoJdkFails() {
    Path nothing = jvms.resolve("nothing");

    assertThatThrownBy(() -> InstalledJdks.choose(nothing.toString(), List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(nothing.toString())
        .hasMessageContaining("not a JDK home");
  }

  @Test
  void readsModernAndOldVersionStrings() {
    assertThat(Jdk.parseVersion("17.0.15"))
        .hasValueSatisfying(v -> assertThat(v.feature()).isEqualTo(17));
    assertThat(Jdk.parseVersion("26-ea"))
        .hasValueSatisfying(v -> assertThat(v.feature()).isEqualTo(26));
    assertThat(Jdk.parseVersion("1.8.0_392"))
        .hasValueSatisfying(v -> assertThat(v.feature()).isEqualTo(8));
    assertThat(Jdk.parseVersion("not a version")).isEmpty();
  }

  private Path fakeJdk(String name, String javaVersion) throws IOException {
    Path home = Files.createDirectories(jvms.resolve(name));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + javaVersion + "\"\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
