package dev.asyncinspect.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * Answers "is this type a subtype of that JDK type?" while one class is woven, from class files
 * read through the class's own loader (no class is loaded), remembering the answers. Only the
 * header of each class file is read: its super class and interfaces.
 */
final class TypeHierarchy {
  private static final String[] NONE = new String[0];

  private final ClassLoader loader;
  private final String selfName;
  private final byte[] selfBytes;
  private final Map<String, String[]> supertypes = new HashMap<>();
  private final Map<String, Boolean> answers = new HashMap<>();

  /** For the class {@code selfName} (internal name) with class file {@code selfBytes}. */
  TypeHierarchy(ClassLoader loader, String selfName, byte[] selfBytes) {
    this.loader = loader;
    this.selfName = selfName;
    this.selfBytes = selfBytes;
  }

  /** Whether {@code owner} (internal name) is {@code superType} or a subtype of it. */
  boolean isSubtype(String owner, String superType) {
    if (owner.equals(superType)) {
      return true;
    }
    if (owner.startsWith("[")) {
      return false;
    }
    String key = owner + ' ' + superType;
    Boolean known = answers.get(key);
    if (known == null) {
      known = search(owner, superType);
      answers.put(key, known);
    }
    return known;
  }

  private boolean search(String owner, String superType) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>();
    todo.add(owner);
    while (!todo.isEmpty()) {
      String type = todo.poll();
      if (type.equals(superType)) {
        return true;
      }
      if (seen.add(type)) {
        for (String s : supertypes(type)) {
          todo.add(s);
        }
      }
    }
    return false; // a type we cannot read is not a subtype: it is not traced, never an error
  }

  /** The direct super class and interfaces of {@code type}, none when its file cannot be read. */
  private String[] supertypes(String type) {
    String[] known = supertypes.get(type);
    if (known != null) {
      return known;
    }
    String[] found = NONE;
    try {
      byte[] bytes = type.equals(selfName) ? selfBytes : read(type);
      if (bytes != null) {
        ClassReader reader = new ClassReader(bytes);
        String superName = reader.getSuperName();
        String[] interfaces = reader.getInterfaces();
        found = new String[interfaces.length + (superName == null ? 0 : 1)];
        System.arraycopy(interfaces, 0, found, 0, interfaces.length);
        if (superName != null) {
          found[interfaces.length] = superName;
        }
      }
    } catch (IOException | RuntimeException e) {
      found = NONE;
    }
    supertypes.put(type, found);
    return found;
  }

  private byte[] read(String type) throws IOException {
    String path = type + ".class";
    try (InputStream in =
        loader != null
            ? loader.getResourceAsStream(path)
            : ClassLoader.getSystemResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
