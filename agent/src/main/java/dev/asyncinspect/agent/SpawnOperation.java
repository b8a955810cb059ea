package dev.asyncinspect.agent;

/**
 * One JDK call that hands work to another thread: which argument is the work, of which functional
 * type, and where the executor that will run it comes from.
 */
final class SpawnOperation {
  /** The functional type of the work, and the facade method that wraps it. */
  enum Work {
    RUNNABLE("spawnRunnable", "java/lang/Runnable"),
    CALLABLE("spawnCallable", "java/util/concurrent/Callable"),
    SUPPLIER("spawnSupplier", "java/util/function/Supplier"),
    FUNCTION("spawnFunction", "java/util/function/Function"),
    BI_FUNCTION("spawnBiFunction", "java/util/function/BiFunction"),
    CONSUMER("spawnConsumer", "java/util/function/Consumer"),
    BI_CONSUMER("spawnBiConsumer", "java/util/function/BiConsumer"),
    CALLABLES("spawnCallables", "java/util/Collection");

    final String facadeMethod;
    final String facadeDescriptor;

    Work(String facadeMethod, String type) {
      this.facadeMethod = facadeMethod;
      this.facadeDescriptor = "(L" + type + ";Ljava/lang/Object;I)L" + type + ";";
    }
  }

  /** Where the executor comes from. */
  enum Executor {
    /** The call's receiver ({@code executor.execute(r)}). */
    RECEIVER,
    /** An argument of the call ({@code supplyAsync(s, executor)}). */
    ARGUMENT,
    /** {@code CompletableFuture}'s default async executor. */
    DEFAULT_ASYNC,
    /** None: a new thread. */
    NEW_THREAD
  }

  final String owner;
  final String name;

  /** The parameter part of the descriptor, {@code (...)}: return types differ between overrides. */
  final String parameters;

  final boolean isStatic;
  final int workIndex;
  final Work work;
  final Executor executor;
  final int executorIndex;

  SpawnOperation(
      String owner,
      String name,
      String parameters,
      boolean isStatic,
      int workIndex,
      Work work,
      Executor executor,
      int executorIndex) {
    this.owner = owner;
    this.name = name;
    this.parameters = parameters;
    this.isStatic = isStatic;
    this.workIndex = workIndex;
    this.work = work;
    this.executor = executor;
    this.executorIndex = executorIndex;
  }
}
