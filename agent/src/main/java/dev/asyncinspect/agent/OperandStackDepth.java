package dev.asyncinspect.agent;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The depth, in slots, of the operand stack as a method's code is visited in order: set by each
 * stack map frame, changed by each instruction, unknown after an unconditional jump until the next
 * frame. Lets {@link TraceAdvice} check that a return leaves nothing but its value on the stack.
 */
final class OperandStackDepth {
  static final int UNKNOWN = -1;

  /** Change of depth for each instruction without operand (see the JVM specification). */
  private static final int[] SIMPLE = new int[256];

  static {
    String deltas =
        // 0 NOP .. 15 DCONST_1
        "0 1 1 1 1 1 1 1 1 2 2 1 1 1 2 2 "
            // 46 IALOAD .. 53 SALOAD
            + "46:-1 0 -1 0 -1 -1 -1 -1 "
            // 79 IASTORE .. 95 SWAP
            + "79:-3 -4 -3 -4 -3 -3 -3 -3 -1 -2 1 1 1 2 2 2 0 "
            // 96 IADD .. 115 DREM: int, long, float, double
            + "96:-1 -2 -1 -2 -1 -2 -1 -2 -1 -2 -1 -2 -1 -2 -1 -2 -1 -2 -1 -2 "
            // 116 INEG .. 131 LXOR
            + "116:0 0 0 0 -1 -1 -1 -1 -1 -1 -1 -2 -1 -2 -1 -2 "
            // 133 I2L .. 152 DCMPG
            + "133:1 0 1 -1 -1 0 0 1 1 -1 0 -1 0 0 0 -3 -1 -1 -3 -3 "
            // 190 ARRAYLENGTH, 194 MONITORENTER, 195 MONITOREXIT
            + "190:0 194:-1 -1";
    int opcode = 0;
    for (String token : deltas.trim().split(" +")) {
      int colon = token.indexOf(':');
      if (colon > 0) {
        opcode = Integer.parseInt(token.substring(0, colon));
        token = token.substring(colon + 1);
      }
      SIMPLE[opcode++] = Integer.parseInt(token);
    }
  }

  private int depth;

  /** At the start of a method the stack is empty. */
  OperandStackDepth() {
    depth = 0;
  }

  int depth() {
    return depth;
  }

  void frame(int numStack, Object[] stack) {
    int slots = 0;
    for (int i = 0; i < numStack; i++) {
      slots += stack[i] == Opcodes.LONG || stack[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    depth = slots;
  }

  private void add(int delta) {
    if (depth != UNKNOWN) {
      depth += delta;
    }
  }

  void insn(int opcode) {
    if (opcode == Opcodes.ATHROW || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      depth = UNKNOWN;
    } else {
      add(SIMPLE[opcode]);
    }
  }

  void intInsn(int opcode) {
    add(opcode == Opcodes.NEWARRAY ? 0 : 1);
  }

  void varInsn(int opcode) {
    switch (opcode) {
      case Opcodes.LLOAD, Opcodes.DLOAD -> add(2);
      case Opcodes.ILOAD, Opcodes.FLOAD, Opcodes.ALOAD -> add(1);
      case Opcodes.LSTORE, Opcodes.DSTORE -> add(-2);
      case Opcodes.RET -> depth = UNKNOWN;
      default -> add(-1);
    }
  }

  void typeInsn(int opcode) {
    add(opcode == Opcodes.NEW ? 1 : 0);
  }

  void fieldInsn(int opcode, String descriptor) {
    int size = Type.getType(descriptor).getSize();
    switch (opcode) {
      case Opcodes.GETSTATIC -> add(size);
      case Opcodes.PUTSTATIC -> add(-size);
      case Opcodes.GETFIELD -> add(size - 1);
      default -> add(-size - 1);
    }
  }

  void methodInsn(int opcode, String descriptor) {
    int sizes = Type.getArgumentsAndReturnSizes(descriptor);
    // The argument size counts a receiver; a static call has none.
    add((sizes & 3) - (sizes >> 2) + (opcode == Opcodes.INVOKESTATIC ? 1 : 0));
  }

  void invokeDynamicInsn(String descriptor) {
    int sizes = Type.getArgumentsAndReturnSizes(descriptor);
    add((sizes & 3) - (sizes >> 2) + 1);
  }

  void jumpInsn(int opcode) {
    if (opcode == Opcodes.GOTO || opcode == Opcodes.JSR) {
      depth = UNKNOWN;
    } else if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ACMPNE) {
      add(-2);
    } else {
      add(-1);
    }
  }

  void ldcInsn(Object value) {
    boolean wide =
        value instanceof Long
            || value instanceof Double
            || value instanceof ConstantDynamic && ((ConstantDynamic) value).getSize() == 2;
    add(wide ? 2 : 1);
  }

  void switchInsn() {
    depth = UNKNOWN;
  }

  void multiANewArrayInsn(int dimensions) {
    add(1 - dimensions);
  }
}
