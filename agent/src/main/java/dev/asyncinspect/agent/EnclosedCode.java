package dev.asyncinspect.agent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Code that a traced method defines and that runs as part of whatever task runs it: the lambda
 * bodies it defines (javac's {@code lambda$fetch$0} for {@code fetch}), and the anonymous and local
 * classes declared in it ({@code new Runnable() {...}} in {@code fetch}, whose class file names
 * {@code fetch} in its {@code EnclosingMethod} attribute), and theirs in turn. Their await points
 * and spawn points are woven as points of the traced method.
 *
 * <p>Remembers, by internal class name, the classes woven so far that can enclose such classes: a
 * class with traced methods (which methods), and an anonymous or local class of a traced method
 * (which method). A class that names one of these as its enclosing class is found by {@link
 * #mayBeEnclosed}, before the class is read, so the prefilter passes it to the weaver. The table
 * holds only names, never a class or a loader; it grows with the number of traced classes. Classes
 * of the same name in two loaders share an entry, as they normally share their code.
 *
 * <p>An inner class usually loads after its enclosing class, which its enclosing method runs in;
 * when it loads first (retransformation after attach does it in any order unless told), it is woven
 * as an ordinary class: {@link LoadedClasses} retransforms enclosing classes first.
 */
final class EnclosedCode {
  /** The traced method a woven class's code belongs to, or whose descriptors it traces. */
  private static final Map<String, Owner> CLASSES = new ConcurrentHashMap<>();

  private EnclosedCode() {}

  /** One class: either its traced methods' descriptors by name, or the method it is part of. */
  private static final class Owner {
    final Map<String, String> traced;
    final TracedMethod enclosing;

    Owner(Map<String, String> traced, TracedMethod enclosing) {
      this.traced = traced;
      this.enclosing = enclosing;
    }
  }

  /** A traced method: its class (internal name), name and descriptor. */
  static final class TracedMethod {
    final String owner;
    final String name;
    final String descriptor;

    TracedMethod(String owner, String name, String descriptor) {
      this.owner = owner;
      this.name = name;
      this.descriptor = descriptor;
    }
  }

  /** Class {@code internalName} has traced methods: their descriptors by name. */
  static void tracedClass(String internalName, Map<String, String> descriptorByName) {
    CLASSES.put(internalName, new Owner(Map.copyOf(descriptorByName), null));
  }

  /** Class {@code internalName} is an anonymous or local class of {@code method}. */
  static void enclosedClass(String internalName, TracedMethod method) {
    CLASSES.putIfAbsent(internalName, new Owner(Map.of(), method));
  }

  /**
   * The traced method whose code includes method {@code name}{@code descriptor} of class {@code
   * owner}: the method itself when it is traced, the method that defines it when it is a lambda
   * body, and for a class that is itself part of a traced method, that method. Null otherwise.
   */
  static TracedMethod ownerOf(String owner, String name, String descriptor) {
    if (owner == null || name == null) {
      return null; // no enclosing method: a top-level or member class, or one in an initializer
    }
    Owner known = CLASSES.get(owner);
    if (known == null) {
      return null;
    }
    if (known.enclosing != null) {
      return known.enclosing;
    }
    if (descriptor.equals(known.traced.get(name))) {
      return new TracedMethod(owner, name, descriptor);
    }
    String definer = lambdaOwner(name);
    String definerDescriptor = definer == null ? null : known.traced.get(definer);
    return definerDescriptor == null ? null : new TracedMethod(owner, definer, definerDescriptor);
  }

  /**
   * Whether class {@code internalName} may be an anonymous or local class of a traced method: its
   * name extends that of a class with traced methods (or of such an inner class) after a {@code $}.
   */
  static boolean mayBeEnclosed(String internalName) {
    return internalName != null && !CLASSES.isEmpty() && namedAfter(internalName, CLASSES.keySet());
  }

  /**
   * Whether class name {@code name} extends one of {@code outer} after a {@code $} ({@code Shop$1}
   * and {@code Shop$1$2} extend {@code Shop}); both in the same form, internal or binary.
   */
  static boolean namedAfter(String name, Set<String> outer) {
    for (int i = name.indexOf('$'); i > 0; i = name.indexOf('$', i + 1)) {
      if (outer.contains(name.substring(0, i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The name of the method that defines a lambda body, from javac's naming ({@code lambda$fetch$0}
   * is defined in {@code fetch}), or null for other names.
   */
  static String lambdaOwner(String name) {
    if (!name.startsWith("lambda$")) {
      return null;
    }
    int end = name.lastIndexOf('$');
    return end > "lambda$".length() ? name.substring("lambda$".length(), end) : null;
  }
}
