package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pins the shape of the built agent jar. */
class JarShapeIT {
  private static final Path JAR = Path.of(System.getProperty("asyncinspect.agentJar"));

  @Test
  void onlyOurPackageAndMetaInfAtTheTopAndAsmRelocated() throws IOException {
    assertThat(JAR).isRegularFile();
    TreeSet<String> top = new TreeSet<>();
    List<String> classesOutsideOurPackage = new ArrayList<>();
    List<String> definedByTheAgent = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        top.add(name.contains("/") ? name.substring(0, name.indexOf('/') + 1) : name);
        if (name.endsWith(".class") && name.startsWith("META-INF/async-inspect/")) {
          definedByTheAgent.add(name); // read as bytes, under a path no class loader looks in
        } else if (name.endsWith(".class") && !name.startsWith("dev/asyncinspect/agent/")) {
          classesOutsideOurPackage.add(name);
        }
      }
      assertThat(jar.getEntry("dev/asyncinspect/agent/shaded/asm/ClassReader.class")).isNotNull();
    }
    assertThat(top).containsExactly("META-INF/", "dev/");
    assertThat(classesOutsideOurPackage).isEmpty();
    assertThat(definedByTheAgent).containsExactly(BootstrapInjector.COMPLETION_NODE_PATH);
  }

  @Test
  void manifestDeclaresTheAgent() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Premain-Class")).isEqualTo(AgentMain.class.getName());
      assertThat(main.getValue("Agent-Class")).isEqualTo(AgentMain.class.getName());
      assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
      assertThat(main.getValue("Implementation-Version")).isNotBlank();
    }
  }

  /**
   * The run-time package lives in the boot loader, so it may use the JDK only: no reference from it
   * to any other package of ours, nor to Byte Buddy. The same for the class that defines it there,
   * which is loaded apart from the agent.
   */
  @Test
  void bootstrapPackageAndItsDefinerReferenceOnlyTheJdkAndThemselves() throws IOException {
    Pattern ours = Pattern.compile("dev/asyncinspect/[A-Za-z0-9_/$]+");
    String bootDefiner = BootstrapInjector.BOOT_DEFINER.replace('.', '/');
    List<String> offending = new ArrayList<>();
    int classes = 0;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        String self;
        if (name.equals(bootDefiner + ".class")) {
          self = bootDefiner;
        } else if (name.startsWith(BootstrapInjector.PACKAGE_PATH) && name.endsWith(".class")) {
          self = BootstrapInjector.PACKAGE_PATH;
        } else {
          continue;
        }
        classes++;
        String text;
        try (InputStream in = jar.getInputStream(entry)) {
          text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Matcher m = ours.matcher(text);
        while (m.find()) {
          if (!m.group().startsWith(self)) {
            offending.add(name + " -> " + m.group());
          }
        }
      }
    }
    assertThat(classes).isGreaterThan(10);
    assertThat(offending).isEmpty();
  }
}
