package dev.asyncinspect.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asyncinspect.agent.bootstrap.Registry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The entry/exit weaving on class files written by hand, with shapes javac rarely or never emits: a
 * loop at the very start of the method (a frame at offset 0), wide parameters and locals, returns
 * from inside a try block, and a return that leaves more than its value on the stack. The woven
 * class must load (pass the verifier) and behave as before.
 */
class TraceAdviceTest {
  private static final String TRACE = "Ldev/asyncinspect/annotations/Trace;";

  @Test
  void wovenMethodVerifiesAndReturnsWhatItReturnedBefore() throws Exception {
    byte[] original = sumClass("demo/Sum", false);
    byte[] woven = weave("demo/Sum", original);
    assertThat(woven).isNotNull();
    Method sum = load("demo.Sum", woven).getMethod("sum", long.class, double.class, int.class);
    assertThat(sum.invoke(null, 10L, 0.5, 3)).isEqualTo(10L + 0 + 1 + 2 + 1L); // 1 = (long) 0.5 + 1
    assertThat(sum.invoke(null, 7L, 2.0, 0)).isEqualTo(-1L);
    assertThat(sum.invoke(null, -100L, 0.0, 1)).isEqualTo(-1L); // back to offset 0
  }

  @Test
  void wovenMethodThrowsTheSameThrowable() throws Exception {
    byte[] woven = weave("demo/Sum", sumClass("demo/Sum", false));
    Method sum = load("demo.Sum", woven).getMethod("sum", long.class, double.class, int.class);
    assertThatThrownBy(() -> sum.invoke(null, 1L, 1.0, -1))
        .isInstanceOf(InvocationTargetException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative");
  }

  @Test
  void aReturnWithMoreThanItsValueOnTheStackLeavesTheClassUntraced() throws Exception {
    byte[] original = sumClass("demo/Extra", true);
    assertThat(weave("demo/Extra", original)).isNull();
    Method sum = load("demo.Extra", original).getMethod("sum", long.class, double.class, int.class);
    assertThat(sum.invoke(null, 7L, 2.0, 0)).isEqualTo(-1L); // the original runs, untouched
  }

  private static byte[] weave(String name, byte[] bytes) {
    return new TraceWeaving(new Registry(), TracePatterns.NONE)
        .transform(TraceAdviceTest.class.getClassLoader(), name, null, null, bytes);
  }

  private static Class<?> load(String name, byte[] bytes) {
    return new ClassLoader(TraceAdviceTest.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(name, bytes, 0, bytes.length);
      }
    }.define();
  }

  /**
   * {@code @Trace static long sum(long base, double extra, int n)}: {@code base + (long) extra + 1}
   * plus 0..n-1; {@code n == 0} returns -1 from inside a try block whose handler returns -2; {@code
   * n < 0} throws; a negative total starts again at offset 0 with {@code n = 0}. With {@code
   * extraOnStack}, the return of -1 leaves an int under its value.
   */
  private static byte[] sumClass(String name, boolean extraOnStack) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    MethodVisitor mv =
        cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sum", "(JDI)J", null, null);
    mv.visitAnnotation(TRACE, true).visitEnd();
    mv.visitCode();
    Label loop = new Label();
    Label done = new Label();
    Label tryStart = new Label();
    Label tryEnd = new Label();
    Label handler = new Label();
    Label notEmpty = new Label();
    mv.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/RuntimeException");
    // slots: base 0-1, extra 2-3, n 4, i 5, total 6-7
    mv.visitLabel(loop); // a jump target at offset 0 (from the end, when the total is negative)
    mv.visitVarInsn(Opcodes.ILOAD, 4);
    mv.visitJumpInsn(Opcodes.IFNE, notEmpty);
    mv.visitLabel(tryStart);
    if (extraOnStack) {
      mv.visitInsn(Opcodes.ICONST_5);
    }
    mv.visitLdcInsn(-1L);
    mv.visitInsn(Opcodes.LRETURN);
    mv.visitLabel(tryEnd);
    mv.visitLabel(handler);
    mv.visitInsn(Opcodes.POP);
    mv.visitLdcInsn(-2L);
    mv.visitInsn(Opcodes.LRETURN);
    mv.visitLabel(notEmpty);
    mv.visitVarInsn(Opcodes.ILOAD, 4);
    Label positive = new Label();
    mv.visitJumpInsn(Opcodes.IFGT, positive);
    mv.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalArgumentException");
    mv.visitInsn(Opcodes.DUP);
    mv.visitLdcInsn("negative");
    mv.visitMethodInsn(
        Opcodes.INVOKESPECIAL,
        "java/lang/IllegalArgumentException",
        "<init>",
        "(Ljava/lang/String;)V",
        false);
    mv.visitInsn(Opcodes.ATHROW);
    mv.visitLabel(positive);
    mv.visitVarInsn(Opcodes.LLOAD, 0);
    mv.visitVarInsn(Opcodes.DLOAD, 2);
    mv.visitInsn(Opcodes.D2L);
    mv.visitInsn(Opcodes.LADD);
    mv.visitInsn(Opcodes.LCONST_1);
    mv.visitInsn(Opcodes.LADD);
    mv.visitVarInsn(Opcodes.LSTORE, 6);
    mv.visitInsn(Opcodes.ICONST_0);
    mv.visitVarInsn(Opcodes.ISTORE, 5);
    Label check = new Label();
    mv.visitLabel(check);
    mv.visitVarInsn(Opcodes.ILOAD, 5);
    mv.visitVarInsn(Opcodes.ILOAD, 4);
    mv.visitJumpInsn(Opcodes.IF_ICMPGE, done);
    mv.visitVarInsn(Opcodes.LLOAD, 6);
    mv.visitVarInsn(Opcodes.ILOAD, 5);
    mv.visitInsn(Opcodes.I2L);
    mv.visitInsn(Opcodes.LADD);
    mv.visitVarInsn(Opcodes.LSTORE, 6);
    mv.visitIincInsn(5, 1);
    mv.visitJumpInsn(Opcodes.GOTO, check);
    mv.visitLabel(done);
    Label ret = new Label();
    mv.visitVarInsn(Opcodes.LLOAD, 6);
    mv.visitInsn(Opcodes.LCONST_0);
    mv.visitInsn(Opcodes.LCMP);
    mv.visitJumpInsn(Opcodes.IFGE, ret);
    mv.visitInsn(Opcodes.ICONST_0);
    mv.visitVarInsn(Opcodes.ISTORE, 4);
    mv.visitJumpInsn(Opcodes.GOTO, loop);
    mv.visitLabel(ret);
    mv.visitVarInsn(Opcodes.LLOAD, 6);
    mv.visitInsn(Opcodes.LRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }
}
