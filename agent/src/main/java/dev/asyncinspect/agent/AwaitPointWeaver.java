package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.Registry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Weaves the await points and spawn points of traced methods and of the lambda bodies they define:
 * each call of a waiting or hand-off operation there is rewritten to report to the run-time facade
 * (see {@link CallSiteVisitor}). A lambda body runs as part of whatever task runs it: the traced
 * method itself, or the SPAWNED task its hand-off made.
 *
 * <p>It must see the method's original code, before the method advice rewrites it, so it is
 * registered after the advice on the builder (Byte Buddy applies the last registered visitor
 * first). It asks for expanded stack map frames, which it reads to find free local variable slots.
 */
final class AwaitPointWeaver implements AsmVisitorWrapper {
  private final Registry registry;
  private final ElementMatcher<? super MethodDescription> traced;

  AwaitPointWeaver(Registry registry, ElementMatcher<? super MethodDescription> traced) {
    this.registry = registry;
    this.traced = traced;
  }

  @Override
  public int mergeWriter(int flags) {
    return flags;
  }

  @Override
  public int mergeReader(int flags) {
    return flags | ClassReader.EXPAND_FRAMES;
  }

  @Override
  public ClassVisitor wrap(
      TypeDescription instrumentedType,
      ClassVisitor classVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields,
      MethodList<?> methods,
      int writerFlags,
      int readerFlags) {
    Map<String, String> tracedByName = new HashMap<>();
    Set<String> tracedSignatures = new HashSet<>();
    for (MethodDescription method : methods) {
      if (traced.matches(method)) {
        tracedSignatures.add(method.getInternalName() + method.getDescriptor());
        tracedByName.put(method.getInternalName(), method.getDescriptor());
      }
    }
    if (tracedSignatures.isEmpty()) {
      return classVisitor;
    }
    TypeHierarchy hierarchy = new TypeHierarchy(typePool);
    AwaitOperations operations = new AwaitOperations(hierarchy);
    SpawnOperations spawns = new SpawnOperations(hierarchy);
    String className = instrumentedType.getName();
    return new ClassVisitor(OpenedClassReader.ASM_API, classVisitor) {
      private int version;
      private String sourceFile;

      @Override
      public void visit(
          int version,
          int access,
          String name,
          String signature,
          String superName,
          String[] interfaces) {
        this.version = version;
        super.visit(version, access, name, signature, superName, interfaces);
      }

      @Override
      public void visitSource(String source, String debug) {
        this.sourceFile = source;
        super.visitSource(source, debug);
      }

      @Override
      public MethodVisitor visitMethod(
          int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null) {
          return mv;
        }
        String tracedName = name;
        String tracedDescriptor = descriptor;
        if (!tracedSignatures.contains(name + descriptor)) {
          tracedName = lambdaOwner(access, name);
          tracedDescriptor = tracedName == null ? null : tracedByName.get(tracedName);
          if (tracedDescriptor == null) {
            return mv;
          }
        }
        return new CallSiteVisitor(
            mv,
            registry.method(className, tracedName, tracedDescriptor),
            registry,
            operations,
            spawns,
            sourceFile,
            version,
            access,
            name,
            descriptor);
      }
    };
  }

  /**
   * The name of the method that defines a lambda body, from javac's naming ({@code lambda$fetch$0}
   * is defined in {@code fetch}), or null for other methods.
   */
  static String lambdaOwner(int access, String name) {
    if ((access & Opcodes.ACC_SYNTHETIC) == 0 || !name.startsWith("lambda$")) {
      return null;
    }
    int end = name.lastIndexOf('$');
    return end > "lambda$".length() ? name.substring("lambda$".length(), end) : null;
  }
}
