package dev.asyncinspect.agent;

import dev.asyncinspect.agent.SpawnOperation.Executor;
import dev.asyncinspect.agent.SpawnOperation.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls that hand work to another thread (design.md, task model: SPAWNED), and how a call site
 * is matched to one: by name and parameters, with an owner that is, or is a subtype of, the JDK
 * type that declares the call.
 */
final class SpawnOperations {
  private static final String CF = "java/util/concurrent/CompletableFuture";
  private static final String STAGE = "java/util/concurrent/CompletionStage";
  private static final String EXECUTOR = "java/util/concurrent/Executor";
  private static final String SERVICE = "java/util/concurrent/ExecutorService";
  private static final String SCHEDULED = "java/util/concurrent/ScheduledExecutorService";
  private static final String THREAD = "java/lang/Thread";
  private static final String BUILDER = "java/lang/Thread$Builder";
  private static final String E = "Ljava/util/concurrent/Executor;";
  private static final String CS = "Ljava/util/concurrent/CompletionStage;";
  private static final String GROUP = "Ljava/lang/ThreadGroup;";
  private static final String R = "Ljava/lang/Runnable;";

  private static final Map<String, List<SpawnOperation>> BY_NAME = new HashMap<>();

  static {
    async(CF, true, "supplyAsync", "Ljava/util/function/Supplier;", 0, Work.SUPPLIER);
    async(CF, true, "runAsync", R, 0, Work.RUNNABLE);
    async(STAGE, false, "thenApplyAsync", "Ljava/util/function/Function;", 0, Work.FUNCTION);
    async(STAGE, false, "thenAcceptAsync", "Ljava/util/function/Consumer;", 0, Work.CONSUMER);
    async(STAGE, false, "thenRunAsync", R, 0, Work.RUNNABLE);
    async(
        STAGE,
        false,
        "thenCombineAsync",
        CS + "Ljava/util/function/BiFunction;",
        1,
        Work.BI_FUNCTION);
    async(
        STAGE,
        false,
        "thenAcceptBothAsync",
        CS + "Ljava/util/function/BiConsumer;",
        1,
        Work.BI_CONSUMER);
    async(STAGE, false, "runAfterBothAsync", CS + R, 1, Work.RUNNABLE);
    async(
        STAGE, false, "applyToEitherAsync", CS + "Ljava/util/function/Function;", 1, Work.FUNCTION);
    async(
        STAGE, false, "acceptEitherAsync", CS + "Ljava/util/function/Consumer;", 1, Work.CONSUMER);
    async(STAGE, false, "runAfterEitherAsync", CS + R, 1, Work.RUNNABLE);
    async(STAGE, false, "thenComposeAsync", "Ljava/util/function/Function;", 0, Work.FUNCTION);
    async(STAGE, false, "handleAsync", "Ljava/util/function/BiFunction;", 0, Work.BI_FUNCTION);
    async(
        STAGE, false, "whenCompleteAsync", "Ljava/util/function/BiConsumer;", 0, Work.BI_CONSUMER);
    async(STAGE, false, "exceptionallyAsync", "Ljava/util/function/Function;", 0, Work.FUNCTION);
    async(
        STAGE,
        false,
        "exceptionallyComposeAsync",
        "Ljava/util/function/Function;",
        0,
        Work.FUNCTION);

    onExecutor(EXECUTOR, "execute", "(" + R + ")", Work.RUNNABLE);
    onExecutor(SERVICE, "submit", "(" + R + ")", Work.RUNNABLE);
    onExecutor(SERVICE, "submit", "(" + R + "Ljava/lang/Object;)", Work.RUNNABLE);
    onExecutor(SERVICE, "submit", "(Ljava/util/concurrent/Callable;)", Work.CALLABLE);
    onExecutor(SERVICE, "invokeAll", "(Ljava/util/Collection;)", Work.CALLABLES);
    onExecutor(
        SERVICE,
        "invokeAll",
        "(Ljava/util/Collection;JLjava/util/concurrent/TimeUnit;)",
        Work.CALLABLES);
    onExecutor(SCHEDULED, "schedule", "(" + R + "JLjava/util/concurrent/TimeUnit;)", Work.RUNNABLE);
    onExecutor(
        SCHEDULED,
        "schedule",
        "(Ljava/util/concurrent/Callable;JLjava/util/concurrent/TimeUnit;)",
        Work.CALLABLE);

    thread(THREAD, true, "<init>", "(" + R + ")", 0);
    thread(THREAD, true, "<init>", "(" + R + "Ljava/lang/String;)", 0);
    thread(THREAD, true, "<init>", "(" + GROUP + R + ")", 1);
    thread(THREAD, true, "<init>", "(" + GROUP + R + "Ljava/lang/String;)", 1);
    thread(THREAD, true, "<init>", "(" + GROUP + R + "Ljava/lang/String;J)", 1);
    thread(THREAD, true, "<init>", "(" + GROUP + R + "Ljava/lang/String;JZ)", 1);
    thread(THREAD, true, "startVirtualThread", "(" + R + ")", 0);
    thread(BUILDER, false, "start", "(" + R + ")", 0);
    thread(BUILDER, false, "unstarted", "(" + R + ")", 0);
  }

  /** A {@code *Async} call, with and without its executor argument. */
  private static void async(
      String owner, boolean isStatic, String name, String params, int workIndex, Work work) {
    add(
        new SpawnOperation(
            owner,
            name,
            "(" + params + ")",
            isStatic,
            workIndex,
            work,
            Executor.DEFAULT_ASYNC,
            -1));
    int executorIndex = workIndex + 1;
    add(
        new SpawnOperation(
            owner,
            name,
            "(" + params + E + ")",
            isStatic,
            workIndex,
            work,
            Executor.ARGUMENT,
            executorIndex));
  }

  private static void onExecutor(String owner, String name, String params, Work work) {
    add(new SpawnOperation(owner, name, params, false, 0, work, Executor.RECEIVER, -1));
  }

  /** Thread constructors ({@code <init>} counts as static: no receiver to read) and builders. */
  private static void thread(
      String owner, boolean isStatic, String name, String params, int workIndex) {
    add(
        new SpawnOperation(
            owner, name, params, isStatic, workIndex, Work.RUNNABLE, Executor.NEW_THREAD, -1));
  }

  private static void add(SpawnOperation op) {
    BY_NAME.computeIfAbsent(op.name, k -> new ArrayList<>(4)).add(op);
  }

  private final TypeHierarchy hierarchy;

  SpawnOperations(TypeHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  /** The hand-off a call instruction performs, or null. */
  SpawnOperation match(int opcode, String owner, String name, String descriptor) {
    List<SpawnOperation> candidates = BY_NAME.get(name);
    if (candidates == null) {
      return null;
    }
    boolean constructor = name.equals("<init>");
    boolean isStatic = opcode == org.objectweb.asm.Opcodes.INVOKESTATIC || constructor;
    String parameters = descriptor.substring(0, descriptor.indexOf(')') + 1);
    for (SpawnOperation op : candidates) {
      if (op.isStatic != isStatic || !op.parameters.equals(parameters)) {
        continue;
      }
      if (op.owner.equals(owner) || !isStatic && hierarchy.isSubtype(owner, op.owner)) {
        return op;
      }
    }
    return null;
  }
}
