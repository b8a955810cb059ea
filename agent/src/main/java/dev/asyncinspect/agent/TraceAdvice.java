package dev.asyncinspect.agent;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Wraps a traced method's code in one call into the run-time facade on entry and one on exit, as
 * plain bytecode:
 *
 * <pre>
 *   try { task = AsyncInspect.enter(methodId) } catch (Throwable t) { task = null }
 *   try {
 *     original code; each return jumps to EXIT with its value
 *   } catch (Throwable thrown) {
 *     try { AsyncInspect.exit(task, thrown) } catch (Throwable t) {}    (exitAsync(task, null, thrown))
 *     throw thrown
 *   }
 *   EXIT: try { AsyncInspect.exit(task, null) } catch (Throwable t) {}  (exitAsync(task, value, null))
 *   return value
 * </pre>
 *
 * <p>The task lives in a new local variable right after the parameters; the method's own locals
 * move up one slot (instructions, stack map frames, debug tables). Every call into the facade is
 * guarded, so nothing the agent throws reaches the application, and the method returns the same
 * value and throws the same throwable. The code after the original code names only the task and the
 * value, so its frames need no knowledge of the method's other locals.
 *
 * <p>It expects expanded stack map frames. A return that leaves more than its value on the operand
 * stack (javac never does, but the JVM allows it) cannot jump to the shared exit; the method is
 * then refused with an exception, and its class loads untraced.
 */
final class TraceAdvice extends MethodVisitor {
  private static final String FACADE = "dev/asyncinspect/agent/bootstrap/AsyncInspect";
  private static final String THROWABLE = "java/lang/Throwable";
  private static final String OBJECT = "java/lang/Object";

  private final int methodId;
  private final boolean async;
  private final boolean frames;
  private final Type returnType;
  private final Object returnFrameType;
  private final Object[] initialLocals;

  /** The first slot after the parameters: where the task is kept. */
  private final int taskSlot;

  private final Label bodyStart = new Label();
  private final Label bodyEnd = new Label();
  private final Label thrownHandler = new Label();
  private final Label exit = new Label();
  private final OperandStackDepth stack = new OperandStackDepth();
  private boolean started;
  private boolean returns;

  TraceAdvice(
      MethodVisitor mv,
      String owner,
      int access,
      String descriptor,
      int methodId,
      boolean async,
      boolean frames) {
    super(Opcodes.ASM9, mv);
    this.methodId = methodId;
    this.async = async;
    this.frames = frames;
    this.returnType = Type.getReturnType(descriptor);
    this.returnFrameType = frameType(returnType);
    boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
    List<Object> locals = new ArrayList<>();
    if (!isStatic) {
      locals.add(owner);
    }
    for (Type t : Type.getArgumentTypes(descriptor)) {
      locals.add(frameType(t));
    }
    this.initialLocals = locals.toArray();
    this.taskSlot = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - (isStatic ? 1 : 0);
  }

  /** The stack map frame type of a value of {@code type}. */
  private static Object frameType(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.BYTE:
      case Type.CHAR:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      case Type.ARRAY:
        return type.getDescriptor();
      case Type.OBJECT:
        return type.getInternalName();
      default:
        return null; // void
    }
  }

  private int shift(int slot) {
    return slot >= taskSlot ? slot + 1 : slot;
  }

  // The method's own exception handlers are declared first (ClassReader visits them before any
  // instruction), so that the catch-all added here comes after them in the exception table.

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    super.visitTryCatchBlock(start, end, handler, type);
  }

  /** Emits the entry code, once, before the first element of the original code. */
  private void start() {
    if (started) {
      return;
    }
    started = true;
    Label enterStart = new Label();
    Label enterEnd = new Label();
    Label enterHandler = new Label();
    super.visitTryCatchBlock(enterStart, enterEnd, enterHandler, THROWABLE);
    super.visitTryCatchBlock(bodyStart, bodyEnd, thrownHandler, THROWABLE);
    super.visitLabel(enterStart);
    pushInt(methodId);
    super.visitMethodInsn(Opcodes.INVOKESTATIC, FACADE, "enter", "(I)Ljava/lang/Object;", false);
    super.visitVarInsn(Opcodes.ASTORE, taskSlot);
    super.visitLabel(enterEnd);
    super.visitJumpInsn(Opcodes.GOTO, bodyStart);
    super.visitLabel(enterHandler);
    frame(initialLocals, THROWABLE);
    super.visitInsn(Opcodes.POP);
    super.visitInsn(Opcodes.ACONST_NULL);
    super.visitVarInsn(Opcodes.ASTORE, taskSlot);
    super.visitLabel(bodyStart);
    frame(append(initialLocals, OBJECT), null);
    // The original code may begin with a frame of its own (a loop at its start): a NOP keeps
    // the two frames at different offsets.
    super.visitInsn(Opcodes.NOP);
  }

  private static Object[] append(Object[] values, Object... more) {
    Object[] all = new Object[values.length + more.length];
    System.arraycopy(values, 0, all, 0, values.length);
    System.arraycopy(more, 0, all, values.length, more.length);
    return all;
  }

  private void frame(Object[] locals, Object stackTop) {
    if (frames) {
      Object[] stack = stackTop == null ? new Object[0] : new Object[] {stackTop};
      super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
    }
  }

  /** Locals of the code after the original code: unknown up to the task, then the task. */
  private Object[] exitLocals(Object... more) {
    Object[] locals = new Object[taskSlot + 1 + more.length];
    for (int i = 0; i < taskSlot; i++) {
      locals[i] = Opcodes.TOP;
    }
    locals[taskSlot] = OBJECT;
    System.arraycopy(more, 0, locals, taskSlot + 1, more.length);
    return locals;
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    start();
    if (type != Opcodes.F_NEW) {
      throw new IllegalStateException("expected expanded frames");
    }
    // Insert the task at its slot: after the entries that cover the parameters' slots.
    List<Object> locals = new ArrayList<>(numLocal + 1);
    int slot = 0;
    int i = 0;
    while (slot < taskSlot && i < numLocal) {
      Object value = local[i++];
      locals.add(value);
      slot += value == Opcodes.LONG || value == Opcodes.DOUBLE ? 2 : 1;
    }
    if (slot > taskSlot) {
      throw new IllegalStateException("a two-slot local overlaps the parameters");
    }
    while (slot < taskSlot) {
      locals.add(Opcodes.TOP);
      slot++;
    }
    locals.add(OBJECT);
    while (i < numLocal) {
      locals.add(local[i++]);
    }
    this.stack.frame(numStack, stack);
    super.visitFrame(type, locals.size(), locals.toArray(), numStack, stack);
  }

  @Override
  public void visitLabel(Label label) {
    start();
    super.visitLabel(label);
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    start();
    super.visitLineNumber(line, start);
  }

  @Override
  public void visitInsn(int opcode) {
    start();
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      int depth = stack.depth();
      if (depth != OperandStackDepth.UNKNOWN && depth != returnType.getSize()) {
        throw new IllegalStateException(
            "a return leaves " + depth + " slots on the operand stack, not only its value");
      }
      stack.insn(opcode);
      returns = true;
      super.visitJumpInsn(Opcodes.GOTO, exit);
    } else {
      stack.insn(opcode);
      super.visitInsn(opcode);
    }
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    start();
    stack.varInsn(opcode);
    super.visitVarInsn(opcode, shift(varIndex));
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    start();
    super.visitIincInsn(shift(varIndex), increment);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    start();
    stack.intInsn(opcode);
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    start();
    stack.typeInsn(opcode);
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    start();
    stack.fieldInsn(opcode, descriptor);
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    start();
    stack.methodInsn(opcode, descriptor);
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name,
      String descriptor,
      Handle bootstrapMethodHandle,
      Object... bootstrapMethodArguments) {
    start();
    stack.invokeDynamicInsn(descriptor);
    super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    start();
    stack.jumpInsn(opcode);
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    start();
    stack.ldcInsn(value);
    super.visitLdcInsn(value);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    start();
    stack.switchInsn();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    start();
    stack.switchInsn();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    start();
    stack.multiANewArrayInsn(numDimensions);
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }

  @Override
  public void visitLocalVariable(
      String name, String descriptor, String signature, Label start, Label end, int index) {
    super.visitLocalVariable(name, descriptor, signature, start, end, shift(index));
  }

  @Override
  public AnnotationVisitor visitLocalVariableAnnotation(
      int typeRef,
      TypePath typePath,
      Label[] start,
      Label[] end,
      int[] index,
      String descriptor,
      boolean visible) {
    int[] shifted = new int[index.length];
    for (int i = 0; i < index.length; i++) {
      shifted[i] = shift(index[i]);
    }
    return super.visitLocalVariableAnnotation(
        typeRef, typePath, start, end, shifted, descriptor, visible);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    start();
    super.visitLabel(bodyEnd);
    int valueSlot = taskSlot + 1;
    if (returns) {
      super.visitLabel(exit);
      Object[] atExit = exitLocals();
      frame(atExit, returnFrameType);
      Object[] withValue = atExit;
      if (returnType.getSort() != Type.VOID) {
        super.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), valueSlot);
        withValue = exitLocals(returnFrameType);
      }
      Label done = new Label();
      guardedExit(withValue, valueSlot, false, done);
      super.visitLabel(done);
      frame(withValue, null);
      if (returnType.getSort() != Type.VOID) {
        super.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), valueSlot);
      }
      super.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
    }
    super.visitLabel(thrownHandler);
    frame(exitLocals(), THROWABLE);
    super.visitVarInsn(Opcodes.ASTORE, valueSlot);
    Object[] withThrown = exitLocals(THROWABLE);
    Label rethrow = new Label();
    guardedExit(withThrown, valueSlot, true, rethrow);
    super.visitLabel(rethrow);
    frame(withThrown, null);
    super.visitVarInsn(Opcodes.ALOAD, valueSlot);
    super.visitInsn(Opcodes.ATHROW);
    super.visitMaxs(Math.max(maxStack, 1) + 3, Math.max(maxLocals + 1, valueSlot + 2));
  }

  /**
   * The exit call, guarded by a catch-all that drops what it throws; continues at {@code next}.
   * After a throw, {@code valueSlot} holds the throwable, else the returned value (if any).
   */
  private void guardedExit(Object[] locals, int valueSlot, boolean thrown, Label next) {
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    super.visitTryCatchBlock(start, end, handler, THROWABLE);
    super.visitLabel(start);
    super.visitVarInsn(Opcodes.ALOAD, taskSlot);
    boolean value = !thrown && returnType.getSort() != Type.VOID;
    if (async) {
      if (value) {
        super.visitVarInsn(Opcodes.ALOAD, valueSlot);
      } else {
        super.visitInsn(Opcodes.ACONST_NULL);
      }
    }
    if (thrown) {
      super.visitVarInsn(Opcodes.ALOAD, valueSlot);
    } else {
      super.visitInsn(Opcodes.ACONST_NULL);
    }
    if (async) {
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          FACADE,
          "exitAsync",
          "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V",
          false);
    } else {
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          FACADE,
          "exit",
          "(Ljava/lang/Object;Ljava/lang/Throwable;)V",
          false);
    }
    super.visitLabel(end);
    super.visitJumpInsn(Opcodes.GOTO, next);
    super.visitLabel(handler);
    frame(locals, THROWABLE);
    super.visitInsn(Opcodes.POP);
  }

  private void pushInt(int value) {
    if (value >= -1 && value <= 5) {
      super.visitInsn(Opcodes.ICONST_0 + value);
    } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      super.visitIntInsn(Opcodes.BIPUSH, value);
    } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      super.visitIntInsn(Opcodes.SIPUSH, value);
    } else {
      super.visitLdcInsn(value);
    }
  }
}
