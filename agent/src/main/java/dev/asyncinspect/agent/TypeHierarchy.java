package dev.asyncinspect.agent;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Answers "is this call's owner type a subtype of that JDK type?" while one class is woven, from
 * class files (no class is loaded), remembering the answers.
 */
final class TypeHierarchy {
  private final TypePool typePool;
  private final Map<String, Boolean> answers = new HashMap<>();

  TypeHierarchy(TypePool typePool) {
    this.typePool = typePool;
  }

  /** Whether {@code owner} (internal name) is {@code superType} or a subtype of it. */
  boolean isSubtype(String owner, String superType) {
    if (owner.equals(superType)) {
      return true;
    }
    if (owner.startsWith("[")) {
      return false;
    }
    return answers.computeIfAbsent(
        owner + ' ' + superType,
        key -> {
          try {
            TypePool.Resolution sub = typePool.describe(owner.replace('/', '.'));
            TypePool.Resolution sup = typePool.describe(superType.replace('/', '.'));
            if (!sub.isResolved() || !sup.isResolved()) {
              return false;
            }
            TypeDescription type = sub.resolve();
            return type.isAssignableTo(sup.resolve());
          } catch (RuntimeException e) {
            return false; // a type we cannot resolve is not traced, never an error
          }
        });
  }
}
