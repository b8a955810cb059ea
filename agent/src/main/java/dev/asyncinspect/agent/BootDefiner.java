package dev.asyncinspect.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.function.BiFunction;

/**
 * Defines a class in the boot class loader, with the JDK's internal {@code Unsafe}: given the
 * class's binary name and its class file, returns the class.
 *
 * <p>Never loaded by the agent's own class loader: {@link BootstrapInjector} defines it in a class
 * loader of its own and exports {@code jdk.internal.misc} to that loader's module alone. The
 * agent's classes share the system class loader's unnamed module with the application's, so an
 * export to the agent would be one to every class on the application's class path. It refers to the
 * JDK only.
 */
public final class BootDefiner implements BiFunction<String, byte[], Class<?>> {
  private final Object unsafe;
  private final Method define;

  public BootDefiner() throws ReflectiveOperationException {
    Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
    this.unsafe = type.getMethod("getUnsafe").invoke(null);
    this.define =
        type.getMethod(
            "defineClass",
            String.class,
            byte[].class,
            int.class,
            int.class,
            ClassLoader.class,
            ProtectionDomain.class);
  }

  @Override
  public Class<?> apply(String name, byte[] classFile) {
    try {
      return (Class<?>) define.invoke(unsafe, name, classFile, 0, classFile.length, null, null);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause; // NoClassDefFoundError: its superclass is not defined yet
      }
      throw cause instanceof RuntimeException
          ? (RuntimeException) cause
          : new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
