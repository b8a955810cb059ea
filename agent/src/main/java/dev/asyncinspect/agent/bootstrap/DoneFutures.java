package dev.asyncinspect.agent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Whether a future awaited at an await point has already completed with a value, so that {@code
 * join}/{@code get} returns it at once: such a wait is counted without a change of state (and
 * without reading the clock, the largest part of a wait's cost).
 *
 * <p>It asks only futures whose answer comes from code it knows: a {@code CompletableFuture}
 * ({@code isDone} and {@code isCompletedExceptionally}, which a subclass could override as it could
 * {@code join} itself), a {@code ForkJoinTask} (whose {@code isCompletedNormally} is final), and a
 * {@code FutureTask} of the JDK's own classes (what {@code ExecutorService.submit} returns, loaded
 * by the boot loader), whose {@code state()} exists from JDK 19. Any other future, and a {@code
 * FutureTask} before JDK 19 (whose failure cannot be told from its value without waiting), takes
 * the whole way. ({@code FutureTask.state()} spins with {@code Thread.yield()} while another thread
 * is between the two writes that complete the task: a few instructions, never a wait for the task's
 * work.)
 */
final class DoneFutures {
  /** {@code Future.state()}, JDK 19 and later; null before. */
  private static final MethodHandle STATE;

  /** {@code Future.State.SUCCESS}, with {@link #STATE}. */
  private static final Object SUCCESS;

  static {
    MethodHandle state = null;
    Object success = null;
    try {
      Class<?> states = Class.forName("java.util.concurrent.Future$State");
      state =
          MethodHandles.publicLookup()
              .findVirtual(Future.class, "state", MethodType.methodType(states))
              .asType(MethodType.methodType(Object.class, Future.class));
      success = states.getField("SUCCESS").get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      state = null; // before JDK 19
    }
    STATE = state;
    SUCCESS = success;
  }

  static boolean completedNormally(Object future) {
    if (future instanceof CompletableFuture) {
      CompletableFuture<?> f = (CompletableFuture<?>) future;
      return f.isDone() && !f.isCompletedExceptionally();
    }
    if (future instanceof ForkJoinTask) {
      return ((ForkJoinTask<?>) future).isCompletedNormally();
    }
    if (STATE != null && future instanceof FutureTask) {
      // The JDK's own: FutureTask, and its subclasses in executors (none overrides state()).
      return future.getClass().getClassLoader() == null && stateOf((Future<?>) future) == SUCCESS;
    }
    return false;
  }

  private static Object stateOf(Future<?> future) {
    try {
      return STATE.invokeExact(future);
    } catch (Throwable e) {
      return null;
    }
  }

  private DoneFutures() {}
}
