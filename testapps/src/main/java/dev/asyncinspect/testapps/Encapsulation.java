package dev.asyncinspect.testapps;

import dev.asyncinspect.annotations.Trace;

/**
 * Prints what {@code java.base} grants the application's classes. The agent opens and exports parts
 * of the JDK to its own classes; none of that may reach the application (whose classes share the
 * system class loader's unnamed module with the agent's).
 */
public final class Encapsulation {

  public static void main(String[] args) {
    Module base = Object.class.getModule();
    Module application = Encapsulation.class.getModule();
    for (String pkg :
        new String[] {
          "jdk.internal.misc", "jdk.internal.access", "java.lang", "java.util.concurrent"
        }) {
      System.out.println(
          pkg
              + ": exported "
              + base.isExported(pkg, application)
              + ", open "
              + base.isOpen(pkg, application));
    }
    System.out.println(traced());
  }

  @Trace
  static String traced() {
    return "the traced method ran";
  }
}
