package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Traced code in a class loader that does not delegate to the application class loader (its parent
 * is the boot loader), as plugin systems and application servers do. The woven code must still
 * reach the agent's run-time classes.
 */
public final class IsolatedLoader {

  public static void main(String[] args) throws Exception {
    URL[] path = {codeSource(IsolatedLoader.class), codeSource(Trace.class)};
    try (URLClassLoader isolated = new URLClassLoader("isolated", path, null)) {
      Class<?> plugin = isolated.loadClass("dev.asyncinspect.testapps.isolated.Plugin");
      Object instance = plugin.getConstructor().newInstance();
      System.out.println(plugin.getMethod("run").invoke(instance));
      System.out.println("plugin loaded apart: " + (plugin.getClassLoader() == isolated));
    }
  }

  private static URL codeSource(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
