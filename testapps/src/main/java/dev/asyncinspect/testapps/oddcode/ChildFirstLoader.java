package dev.asyncinspect.testapps.oddcode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A class loader that defines some classes itself before asking its parent, as plugin systems and
 * application servers do: the classes it is given as bytes, and those of one package, read from the
 * parent's resources, so that the same class name is defined twice, once by each loader.
 */
public final class ChildFirstLoader extends ClassLoader {
  private final Map<String, byte[]> generated;
  private final String ownPackage;

  public ChildFirstLoader(ClassLoader parent, Map<String, byte[]> generated, String ownPackage) {
    super("child-first", parent);
    this.generated = Map.copyOf(generated);
    this.ownPackage = ownPackage + ".";
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] bytes = generated.containsKey(name) ? generated.get(name) : ownBytes(name);
        loaded =
            bytes != null
                ? defineClass(name, bytes, 0, bytes.length)
                : super.loadClass(name, false);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private byte[] ownBytes(String name) {
    if (!name.startsWith(ownPackage)) {
      return null;
    }
    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
