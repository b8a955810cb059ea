package dev.asyncinspect.bench.startup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes the jars the start-up benchmark needs: a large synthetic class path (many small classes in
 * 100 packages, a few of them with a {@code @Trace} method, spread evenly).
 */
public final class SyntheticClassPath {
  private static final String TRACE = "Ldev/asyncinspect/annotations/Trace;";

  /** Whether class {@code i} of {@code classes} is one of the {@code traced} traced ones. */
  static boolean traced(int i, int classes, int traced) {
    return traced > 0
        && i % Math.max(1, classes / traced) == 0
        && i / Math.max(1, classes / traced) < traced;
  }

  /** Writes {@code classes} classes, {@code traced} of them traced, to {@code jar}. */
  public static void write(Path jar, int classes, int traced) throws IOException {
    Files.createDirectories(jar.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (int i = 0; i < classes; i++) {
        out.putNextEntry(new JarEntry(LoadAllApp.className(i).replace('.', '/') + ".class"));
        out.write(classFile(i, traced(i, classes, traced)));
        out.closeEntry();
      }
    }
  }

  /**
   * A class with a constant, a static initializer that sets it, and two small methods, like the
   * many small classes of an application; a traced one has its second method marked {@code Trace}.
   */
  static byte[] classFile(int i, boolean traced) {
    String name = LoadAllApp.className(i).replace('.', '/');
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(
        Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, "java/lang/Object", null);
    cw.visitSource("C" + i + ".java", null);
    cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE, "value", "I", null, null).visitEnd();
    MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    clinit.visitCode();
    clinit.visitLdcInsn(i);
    clinit.visitFieldInsn(Opcodes.PUTSTATIC, name, "value", "I");
    clinit.visitInsn(Opcodes.RETURN);
    clinit.visitMaxs(0, 0);
    clinit.visitEnd();
    MethodVisitor value =
        cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "value", "()I", null, null);
    value.visitCode();
    value.visitFieldInsn(Opcodes.GETSTATIC, name, "value", "I");
    value.visitInsn(Opcodes.IRETURN);
    value.visitMaxs(0, 0);
    value.visitEnd();
    MethodVisitor twice =
        cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "twice", "(I)I", null, null);
    if (traced) {
      AnnotationVisitor annotation = twice.visitAnnotation(TRACE, true);
      annotation.visitEnd();
    }
    twice.visitCode();
    twice.visitVarInsn(Opcodes.ILOAD, 0);
    twice.visitInsn(Opcodes.ICONST_2);
    twice.visitInsn(Opcodes.IMUL);
    twice.visitInsn(Opcodes.IRETURN);
    twice.visitMaxs(0, 0);
    twice.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** Writes a jar whose agent is {@link EmptyAgent}. */
  private SyntheticClassPath() {}
}
