package dev.asyncinspect.agent;

import dev.asyncinspect.agent.AwaitOperation.Source;
import dev.asyncinspect.agent.bootstrap.AwaitSite;
import dev.asyncinspect.agent.bootstrap.MethodSite;
import dev.asyncinspect.agent.bootstrap.Registry;
import dev.asyncinspect.agent.bootstrap.SpawnSite;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the calls of one traced method (or of a lambda body it defines) that wait or that hand
 * work to another thread.
 *
 * <p>Each waiting call is wrapped:
 *
 * <pre>
 *   [copy of the awaited object] [site id] invokestatic AsyncInspect.awaitStart
 *   astore [fresh local]                         (the task now waiting, or null)
 *   the original call
 *   aload [that local] invokestatic AsyncInspect.awaitEnd
 *                                                (awaitEndAcquired(result, task) for tryLock)
 * </pre>
 *
 * <p>The waiting task passes from the one call to the other in a local variable, so the end of a
 * wait does not look up the thread's state again (in class files older than Java 7, which may lack
 * the stack map frames that tell which locals are fresh, {@code AsyncInspect.waitingTask()} looks
 * it up for {@code awaitEnd}).
 *
 * <p>No branch and no exception handler is added, so no stack map frame changes: a wait that throws
 * is ended by {@code AsyncInspect.handlerEntered()}, called first thing in every exception handler
 * of the method (or, when nothing in the method catches, by the method's exit advice).
 *
 * <p>When the awaited object lies under the call's arguments on the operand stack, the arguments
 * are parked in fresh local variables and loaded back. A slot is fresh when no instruction and no
 * frame seen so far uses it: a value that lives across the call in a higher slot would have to
 * appear in an earlier frame (a loop head or handler), because the verifier requires it.
 *
 * <p>Each hand-off call ({@code supplyAsync}, {@code execute}, {@code submit}, {@code new
 * Thread(r)}, ...) gets its work argument passed through the facade's {@code spawn...} method
 * (which wraps it as a SPAWNED task when a traced task runs), and what it returns passed to {@code
 * Handoffs.handedOff}, which binds a returned future to that task.
 */
final class CallSiteVisitor extends CodePositionVisitor {
  private static final String FACADE = "dev/asyncinspect/agent/bootstrap/AsyncInspect";
  private static final String HANDOFFS = "dev/asyncinspect/agent/bootstrap/Handoffs";

  /** Where no local holds the waiting task: {@code AsyncInspect.waitingTask()} finds it. */
  private static final int NO_LOCAL = -2;

  private final MethodSite method;
  private final String unit;
  private final boolean ownBody;
  private final Registry registry;
  private final AwaitOperations operations;
  private final SpawnOperations spawns;
  private final String sourceFile;
  private final int classVersion;
  private int ordinal;
  private int spawnOrdinal;
  private int maxTempSlot;

  /**
   * @param method the traced method; await and spawn points are registered under it
   * @param name the name of the method whose code this is: the traced method itself, or one of its
   *     lambda bodies ({@code lambda$fetch$0})
   */
  CallSiteVisitor(
      MethodVisitor mv,
      MethodSite method,
      Registry registry,
      AwaitOperations operations,
      SpawnOperations spawns,
      String sourceFile,
      int classVersion,
      int access,
      String name,
      String descriptor) {
    super(mv, access, descriptor);
    this.method = method;
    this.unit = name + descriptor;
    this.ownBody = name.equals(method.name());
    this.registry = registry;
    this.operations = operations;
    this.spawns = spawns;
    this.sourceFile = sourceFile;
    this.classVersion = classVersion;
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    beforeInstruction();
    AwaitOperation op = operations.match(opcode == Opcodes.INVOKESTATIC, owner, name, descriptor);
    SpawnOperation spawn = op == null ? spawns.match(opcode, owner, name, descriptor) : null;
    int waiting;
    if (op != null && op.release) {
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, FACADE, "released", "(Ljava/lang/Object;)V", false);
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    } else if (op != null && (waiting = startWait(op, owner, name, descriptor)) != -1) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      callAwaitEnd(op, waiting);
    } else if (spawn != null && wrapWork(spawn, owner, name, descriptor)) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      if (Type.getReturnType(descriptor).getSort() == Type.OBJECT && !name.equals("<init>")) {
        super.visitInsn(Opcodes.DUP);
      } else {
        super.visitInsn(Opcodes.ACONST_NULL);
      }
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, HANDOFFS, "handedOff", "(Ljava/lang/Object;)V", false);
    } else {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
  }

  /**
   * Emits the code before a hand-off call: the work argument goes through the facade's {@code
   * spawn...} method. False when the call cannot be rewritten (see {@link #startWait}).
   */
  private boolean wrapWork(SpawnOperation op, String owner, String name, String descriptor) {
    Type[] args = Type.getArgumentTypes(descriptor);
    if (classVersion < Opcodes.V1_7) {
      return false;
    }
    SpawnSite site =
        registry.spawnSite(
            method,
            unit,
            spawnOrdinal++,
            sourceFile,
            line,
            AwaitOperation.label(owner, name.equals("<init>") ? "new" : name),
            owner.replace('/', '.'),
            name,
            descriptor);
    int[] slots = park(args);
    int executorSlot = -1;
    if (op.executor == SpawnOperation.Executor.RECEIVER) {
      executorSlot = freshSlots(1);
      super.visitInsn(Opcodes.DUP);
      super.visitVarInsn(Opcodes.ASTORE, executorSlot);
    }
    for (int i = 0; i < args.length; i++) {
      super.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
      if (i != op.workIndex) {
        continue;
      }
      switch (op.executor) {
        case RECEIVER:
          super.visitVarInsn(Opcodes.ALOAD, executorSlot);
          break;
        case ARGUMENT:
          super.visitVarInsn(Opcodes.ALOAD, slots[op.executorIndex]);
          break;
        case DEFAULT_ASYNC:
          super.visitMethodInsn(
              Opcodes.INVOKESTATIC,
              HANDOFFS,
              "defaultAsyncExecutor",
              "()Ljava/lang/Object;",
              false);
          break;
        default:
          super.visitInsn(Opcodes.ACONST_NULL);
      }
      pushInt(site.id());
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, HANDOFFS, op.work.facadeMethod, op.work.facadeDescriptor, false);
    }
    return true;
  }

  /** Stores the call's arguments in fresh local slots (last first); returns the slots. */
  private int[] park(Type[] args) {
    int[] slots = new int[args.length];
    int size = 0;
    for (Type arg : args) {
      size += arg.getSize();
    }
    int next = freshSlots(size);
    for (int i = 0; i < args.length; i++) {
      slots[i] = next;
      next += args[i].getSize();
    }
    for (int i = args.length - 1; i >= 0; i--) {
      super.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), slots[i]);
    }
    return slots;
  }

  /** The first of {@code size} local slots that no code and no frame seen so far uses. */
  private int freshSlots(int size) {
    int first = Math.max(slotsUsed, maxTempSlot);
    maxTempSlot = first + size;
    return first;
  }

  @Override
  public void visitInsn(int opcode) {
    beforeInstruction();
    if (opcode == Opcodes.MONITORENTER) {
      AwaitSite site =
          site("synchronized", null, null, null, "MONITOR", false, AwaitSite.ACQUIRES_ALWAYS);
      super.visitInsn(Opcodes.DUP);
      int waiting = callAwaitStart(site);
      super.visitInsn(opcode);
      callAwaitEnd(null, waiting);
    } else if (opcode == Opcodes.MONITOREXIT) {
      super.visitInsn(Opcodes.DUP);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, FACADE, "released", "(Ljava/lang/Object;)V", false);
      super.visitInsn(opcode);
    } else {
      super.visitInsn(opcode);
    }
  }

  /**
   * Emits the code before the call; returns the local that holds the waiting task for {@code
   * awaitEnd} ({@link #NO_LOCAL} in a class file older than Java 7), or -1 when this call cannot be
   * woven (its arguments would need fresh locals, and such a class file may lack the complete stack
   * map frames that tell which locals are fresh).
   */
  private int startWait(AwaitOperation op, String owner, String name, String descriptor) {
    Type[] args = Type.getArgumentTypes(descriptor);
    boolean needsTemps = args.length > 0 && (op.source == Source.RECEIVER || args.length > 1);
    if (needsTemps && classVersion < Opcodes.V1_7) {
      return -1;
    }
    AwaitSite site =
        site(
            AwaitOperation.label(owner, name),
            owner.replace('/', '.'),
            name,
            descriptor,
            op.kind,
            op.timed,
            op.acquires);
    if (!needsTemps) {
      if (op.source == Source.NONE) {
        super.visitInsn(Opcodes.ACONST_NULL);
      } else {
        super.visitInsn(Opcodes.DUP); // receiver without arguments, or a single argument
      }
      return callAwaitStart(site);
    }
    int[] slots = park(args);
    if (op.source == Source.RECEIVER) {
      super.visitInsn(Opcodes.DUP);
    } else if (op.source == Source.ARG0) {
      super.visitVarInsn(Opcodes.ALOAD, slots[0]);
    } else {
      super.visitInsn(Opcodes.ACONST_NULL);
    }
    int waiting = callAwaitStart(site);
    for (int i = 0; i < args.length; i++) {
      super.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slots[i]);
    }
    return waiting;
  }

  private AwaitSite site(
      String operation,
      String owner,
      String name,
      String descriptor,
      String kind,
      boolean timed,
      int acquires) {
    return registry.awaitSite(
        method,
        unit,
        ordinal++,
        sourceFile,
        line,
        operation,
        owner,
        name,
        descriptor,
        kind,
        timed,
        acquires);
  }

  /**
   * Calls {@code awaitStart} with the awaited object on the stack and keeps what it returns (the
   * task now waiting, or null) in a fresh local, whose slot it returns.
   */
  private int callAwaitStart(AwaitSite site) {
    pushInt(site.id());
    super.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        FACADE,
        "awaitStart",
        "(Ljava/lang/Object;I)Ljava/lang/Object;",
        false);
    if (classVersion < Opcodes.V1_7) {
      super.visitInsn(Opcodes.POP);
      return NO_LOCAL;
    }
    int waiting = freshSlots(1);
    super.visitVarInsn(Opcodes.ASTORE, waiting);
    return waiting;
  }

  /** After the waiting call (its result, if any, on the stack): ends the wait. */
  private void callAwaitEnd(AwaitOperation op, int waiting) {
    boolean acquired = op != null && op.acquires == AwaitSite.ACQUIRES_IF_TRUE;
    if (acquired) {
      super.visitInsn(Opcodes.DUP);
    }
    if (waiting == NO_LOCAL) {
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, FACADE, "waitingTask", "()Ljava/lang/Object;", false);
    } else {
      super.visitVarInsn(Opcodes.ALOAD, waiting);
    }
    super.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        FACADE,
        acquired ? "awaitEndAcquired" : "awaitEnd",
        acquired ? "(ZLjava/lang/Object;)V" : "(Ljava/lang/Object;)V",
        false);
  }

  private void pushInt(int value) {
    if (value <= 5) {
      super.visitInsn(Opcodes.ICONST_0 + value);
    } else if (value <= Byte.MAX_VALUE) {
      super.visitIntInsn(Opcodes.BIPUSH, value);
    } else if (value <= Short.MAX_VALUE) {
      super.visitIntInsn(Opcodes.SIPUSH, value);
    } else {
      super.visitLdcInsn(value);
    }
  }

  @Override
  void atHandlerStart() {
    super.visitMethodInsn(Opcodes.INVOKESTATIC, FACADE, "handlerEntered", "()V", false);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    // Our code pushes at most two values beyond what the original had at each call.
    super.visitMaxs(maxStack + 2, Math.max(maxLocals, maxTempSlot));
  }

  @Override
  public void visitEnd() {
    if (ownBody) {
      method.source(sourceFile, firstLine);
    }
    super.visitEnd();
  }
}
