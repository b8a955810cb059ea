package dev.asyncinspect.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * An agent that does nothing: what any {@code -javaagent} costs, the floor under the agent's own
 * cost. At start, the instrument library and, on JDK 17, no archived module graph; while the
 * application runs, from JDK 21 on, the JVM's notifications of every virtual thread's mounts and
 * unmounts, which it turns on for good once any agent is loaded.
 */
public final class EmptyAgent {
  public static void premain(String args, Instrumentation instrumentation) {}

  /** Writes the agent's jar to {@code jar}; returns {@code jar}. */
  public static Path writeJar(Path jar) throws IOException {
    Files.createDirectories(jar.toAbsolutePath().getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Premain-Class", EmptyAgent.class.getName());
    String entry = EmptyAgent.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = EmptyAgent.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  private EmptyAgent() {}
}
