package dev.asyncinspect.agent;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A method visitor that knows where it is in the code it passes on: the current source line, the
 * local variable slots used so far (from instructions and expanded stack map frames), and the start
 * of each exception handler, where it calls {@link #atHandlerStart}. Every instruction goes through
 * {@link #beforeInstruction} first.
 */
abstract class CodePositionVisitor extends MethodVisitor {
  private final Set<Label> handlers = new HashSet<>();
  private boolean handlerStarts;

  /** The source line of the code being visited, 0 before the first line number. */
  int line;

  /** The smallest source line of the method, 0 when it has none. */
  int firstLine;

  /** Local variable slots used so far: parameters, stores, loads and frames seen. */
  int slotsUsed;

  CodePositionVisitor(MethodVisitor mv, int access, String descriptor) {
    super(Opcodes.ASM9, mv);
    this.slotsUsed =
        (org.objectweb.asm.Type.getArgumentsAndReturnSizes(descriptor) >> 2)
            - ((access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
  }

  /** At the start of an exception handler, before its first instruction. */
  abstract void atHandlerStart();

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    handlers.add(handler);
    super.visitTryCatchBlock(start, end, handler, type);
  }

  @Override
  public void visitLabel(Label label) {
    super.visitLabel(label);
    if (handlers.contains(label)) {
      handlerStarts = true;
    }
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    this.line = line;
    if (firstLine == 0 || line < firstLine) {
      firstLine = line;
    }
    super.visitLineNumber(line, start);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    int slots = 0;
    for (int i = 0; i < numLocal; i++) {
      slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    slotsUsed = Math.max(slotsUsed, slots);
    super.visitFrame(type, numLocal, local, numStack, stack);
  }

  /** A wait that threw ends where the exception is caught: first thing in each handler. */
  /** Called before each instruction; runs {@link #atHandlerStart} first where one starts. */
  final void beforeInstruction() {
    if (handlerStarts) {
      handlerStarts = false;
      atHandlerStart();
    }
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    beforeInstruction();
    boolean wide =
        opcode == Opcodes.LLOAD
            || opcode == Opcodes.DLOAD
            || opcode == Opcodes.LSTORE
            || opcode == Opcodes.DSTORE;
    slotsUsed = Math.max(slotsUsed, varIndex + (wide ? 2 : 1));
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    beforeInstruction();
    slotsUsed = Math.max(slotsUsed, varIndex + 1);
    super.visitIincInsn(varIndex, increment);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    beforeInstruction();
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    beforeInstruction();
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    beforeInstruction();
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, Handle bootstrapMethodHandle, Object... bootstrapArgs) {
    beforeInstruction();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapArgs);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    beforeInstruction();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    beforeInstruction();
    super.visitLdcInsn(value);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    beforeInstruction();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    beforeInstruction();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    beforeInstruction();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }
}
