package dev.asyncinspect.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the agent's run-time package into the boot class loader, so that woven classes of any class
 * loader (including ones that do not delegate to the application class loader) can call it.
 *
 * <p>The classes are defined directly in the boot loader. Appending a jar to the boot class path
 * would do the same, but then HotSpot turns class data sharing off for application classes and
 * prints a warning on stderr ("Sharing is only supported for boot loader classes because bootstrap
 * classpath has been appended"), which the application did not ask for. Appending stays as the
 * fallback should the direct way be unavailable.
 */
final class BootstrapInjector {
  static final String PACKAGE_PATH = "dev/asyncinspect/agent/bootstrap/";

  /** Named, not referred to: the agent's own class loader never loads it. */
  static final String BOOT_DEFINER = "dev.asyncinspect.agent.BootDefiner";

  private static final String BOOT_DEFINER_PATH = BOOT_DEFINER.replace('.', '/') + ".class";

  /**
   * Where the agent's jar keeps the completion node's class file ({@code
   * bootstrap.CompletionCallbacks}), out of every class loader's way. Not a constant of that class:
   * a reference to it from here, before it is in the boot loader, could load it into the agent's.
   */
  static final String COMPLETION_NODE_PATH =
      "META-INF/async-inspect/java/util/concurrent/AsyncInspectCompletion.class";

  /** The completion node's class file, read with the run-time classes; null until then. */
  private static volatile byte[] completionNode;

  static void inject(Instrumentation instrumentation) throws IOException, URISyntaxException {
    Path agentJar =
        Path.of(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!Files.isRegularFile(agentJar)) {
      throw new IOException("the agent is not running from a jar: " + agentJar);
    }
    Map<String, byte[]> classes = readClasses(agentJar);
    byte[] bootDefiner = classes.remove(BOOT_DEFINER_PATH);
    completionNode = classes.remove(COMPLETION_NODE_PATH);
    if (classes.isEmpty()) {
      throw new IOException("no run-time classes found in " + agentJar);
    }
    try {
      defineInBootLoader(instrumentation, classes, bootDefiner);
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      appendToBootClassPath(instrumentation, classes);
    }
  }

  /**
   * The completion node's class file ({@code CompletionCallbacks}), read from the agent's jar with
   * the run-time classes (a class loader's resource lookup would cost the application's start-up
   * more); null when the agent did not start from its jar.
   */
  static byte[] completionNode() {
    return completionNode;
  }

  /** The run-time classes, {@link BootDefiner} and the completion node, by path in the jar. */
  private static Map<String, byte[]> readClasses(Path agentJar) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try (JarFile jar = new JarFile(agentJar.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith(PACKAGE_PATH)
                && name.endsWith(".class")
                && !name.endsWith("package-info.class")
            || name.equals(BOOT_DEFINER_PATH)
            || name.equals(COMPLETION_NODE_PATH)) {
          try (InputStream in = jar.getInputStream(entry)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            classes.put(name, bytes.toByteArray());
          }
        }
      }
    }
    return classes;
  }

  /**
   * Defines the first class with the JDK's internal {@code Unsafe} ({@link BootDefiner}, in a class
   * loader of its own, the only module the JDK's internal package is exported to), and the others
   * through a lookup in that class (the boot loader's unnamed module opens its packages to all):
   * one reflective call instead of one per class, since the JDK generates an accessor class after a
   * few reflective calls of the same method.
   */
  private static void defineInBootLoader(
      Instrumentation instrumentation, Map<String, byte[]> classes, byte[] bootDefiner)
      throws IOException, ReflectiveOperationException {
    if (bootDefiner == null) {
      throw new IOException("no " + BOOT_DEFINER_PATH + " in the agent's jar");
    }
    BiFunction<String, byte[], Class<?>> definer = bootDefiner(instrumentation, bootDefiner);
    Iterator<Map.Entry<String, byte[]>> rest = classes.entrySet().iterator();
    Map.Entry<String, byte[]> first = rest.next();
    Class<?> anchor = definer.apply(binaryName(first.getKey()), first.getValue());
    MethodHandles.Lookup lookup;
    try {
      lookup = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
    } catch (IllegalAccessException | RuntimeException e) {
      lookup = null;
    }
    // A class can be defined only after its superclass: the jar's order does not promise that,
    // so what fails for want of another class is tried again after the others.
    List<Map.Entry<String, byte[]>> pending = new ArrayList<>();
    rest.forEachRemaining(pending::add);
    while (!pending.isEmpty()) {
      List<Map.Entry<String, byte[]>> later = new ArrayList<>();
      NoClassDefFoundError missing = null;
      for (Map.Entry<String, byte[]> c : pending) {
        try {
          if (lookup != null) {
            lookup.defineClass(c.getValue());
          } else {
            definer.apply(binaryName(c.getKey()), c.getValue());
          }
        } catch (NoClassDefFoundError e) {
          later.add(c);
          missing = e;
        }
      }
      if (later.size() == pending.size()) {
        throw missing;
      }
      pending = later;
    }
  }

  /** {@link BootDefiner}, defined in a class loader of its own, with the export it needs. */
  @SuppressWarnings("unchecked")
  private static BiFunction<String, byte[], Class<?>> bootDefiner(
      Instrumentation instrumentation, byte[] classFile) throws ReflectiveOperationException {
    DefinerLoader loader = new DefinerLoader();
    Class<?> type = loader.define(classFile);
    instrumentation.redefineModule(
        Object.class.getModule(),
        Set.of(),
        Map.of("jdk.internal.misc", Set.of(loader.getUnnamedModule())),
        Map.of(),
        Set.of(),
        Map.of());
    return (BiFunction<String, byte[], Class<?>>) type.getConstructor().newInstance();
  }

  /** The class loader of {@link BootDefiner} alone; its parent is the boot loader. */
  private static final class DefinerLoader extends ClassLoader {
    DefinerLoader() {
      super("async-inspect-boot-definer", null);
    }

    Class<?> define(byte[] classFile) {
      return defineClass(BOOT_DEFINER, classFile, 0, classFile.length);
    }
  }

  private static String binaryName(String classFilePath) {
    return classFilePath.substring(0, classFilePath.length() - ".class".length()).replace('/', '.');
  }

  private static void appendToBootClassPath(
      Instrumentation instrumentation, Map<String, byte[]> classes) throws IOException {
    Path bootstrapJar = Files.createTempFile("async-inspect-bootstrap-", ".jar");
    bootstrapJar.toFile().deleteOnExit();
    try (OutputStream file = Files.newOutputStream(bootstrapJar);
        JarOutputStream target = new JarOutputStream(file)) {
      for (Map.Entry<String, byte[]> c : classes.entrySet()) {
        target.putNextEntry(new JarEntry(c.getKey()));
        target.write(c.getValue());
        target.closeEntry();
      }
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootstrapJar.toFile()));
  }

  private BootstrapInjector() {}
}
