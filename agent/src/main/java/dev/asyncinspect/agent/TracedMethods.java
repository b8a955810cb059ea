package dev.asyncinspect.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The methods of one class that are traced: annotated with {@code @Trace}, or selected by a {@code
 * trace=} pattern. Found in a first, quick pass over the class file that skips all code.
 *
 * <p>Constructors, class initializers, abstract, native and bridge methods are never traced (javac
 * copies {@code @Trace} onto bridges, and a bridge only calls the real method, which would make
 * every call two nested tasks); patterns never select synthetic methods (lambda bodies).
 */
final class TracedMethods {

  /** One traced method. */
  static final class Method {
    final String name;
    final String descriptor;

    /** The {@code @Trace} value, or null for the default name. */
    final String taskName;

    /** Whether it returns a {@code CompletionStage} or {@code Future}: an ASYNC task. */
    final boolean async;

    Method(String name, String descriptor, String taskName, boolean async) {
      this.name = name;
      this.descriptor = descriptor;
      this.taskName = taskName;
      this.async = async;
    }
  }

  /** The traced methods by name + descriptor, in class file order. */
  final Map<String, Method> bySignature = new LinkedHashMap<>();

  /** A traced method's descriptor by its name (for lambda bodies, named after their method). */
  final Map<String, String> descriptorByName = new LinkedHashMap<>();

  /**
   * For an anonymous or local class declared in a method, that method (its {@code EnclosingMethod}
   * attribute): class (internal name), name and descriptor; else null.
   */
  String enclosingOwner;

  String enclosingName;
  String enclosingDescriptor;

  static TracedMethods find(ClassReader reader, TypeHierarchy hierarchy, TracePatterns patterns) {
    TracedMethods found = new TracedMethods();
    String className = reader.getClassName().replace('/', '.');
    boolean patterned = !patterns.isEmpty() && patterns.matchesClass(className);
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public void visitOuterClass(String owner, String name, String descriptor) {
            found.enclosingOwner = owner;
            found.enclosingName = name;
            found.enclosingDescriptor = descriptor;
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            if (name.startsWith("<")
                || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE))
                    != 0) {
              return null;
            }
            boolean async = isAsync(hierarchy, descriptor);
            boolean selected =
                patterned
                    && (access & Opcodes.ACC_SYNTHETIC) == 0
                    && patterns.matchesMethod(className, name, async);
            return new MethodVisitor(Opcodes.ASM9) {
              private boolean annotated;
              private String taskName;

              @Override
              public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                if (!annotation.equals(TracePrefilter.TRACE_DESCRIPTOR)) {
                  return null;
                }
                annotated = true;
                return new AnnotationVisitor(Opcodes.ASM9) {
                  @Override
                  public void visit(String key, Object value) {
                    if (key.equals("value") && value instanceof String) {
                      String s = (String) value;
                      taskName = s.isEmpty() ? null : s;
                    }
                  }
                };
              }

              @Override
              public void visitEnd() {
                if (annotated || selected) {
                  found.bySignature.put(
                      name + descriptor, new Method(name, descriptor, taskName, async));
                  found.descriptorByName.put(name, descriptor);
                }
              }
            };
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found;
  }

  boolean isEmpty() {
    return bySignature.isEmpty();
  }

  /** Whether a method of this descriptor returns a {@code CompletionStage} or {@code Future}. */
  static boolean isAsync(TypeHierarchy hierarchy, String descriptor) {
    Type returned = Type.getReturnType(descriptor);
    if (returned.getSort() != Type.OBJECT) {
      return false;
    }
    String name = returned.getInternalName();
    return hierarchy.isSubtype(name, "java/util/concurrent/CompletionStage")
        || hierarchy.isSubtype(name, "java/util/concurrent/Future");
  }
}
