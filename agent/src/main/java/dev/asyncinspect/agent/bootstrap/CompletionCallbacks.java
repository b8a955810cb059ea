package dev.asyncinspect.agent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Registers the callback that ends an ASYNC task when its pending {@code CompletableFuture}
 * completes. {@code whenComplete} would do, but it allocates a dependent future beside the
 * completion node (64 bytes per future); the agent's own node, {@code
 * java.util.concurrent.AsyncInspectCompletion} (in {@code src/main/jdk}), is one object of 32 bytes
 * on the future's stack of dependents. It is defined when the agent starts ({@link #install}) and
 * used only if it passed a check there; otherwise, and for other {@code CompletionStage}s, {@code
 * whenComplete}.
 */
public final class CompletionCallbacks {
  /** Where the agent's jar keeps the node's class file, out of every class loader's way. */
  public static final String NODE_CLASS_FILE =
      "/META-INF/async-inspect/java/util/concurrent/AsyncInspectCompletion.class";

  private static final MethodType REGISTER_TYPE =
      MethodType.methodType(void.class, CompletableFuture.class, BiConsumer.class);

  /** The node's {@code register}, once installed and checked; read once by {@link Installed}. */
  private static volatile MethodHandle defined;

  private CompletionCallbacks() {}

  /**
   * Defines the node from {@code classFile} in {@code java.util.concurrent} (which the agent must
   * have opened to this class's module) and checks that it calls back with a value and with an
   * exception, as {@code whenComplete} would. Returns null when it is in use, else why not.
   */
  public static String install(byte[] classFile) {
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.privateLookupIn(CompletableFuture.class, MethodHandles.lookup());
      Class<?> node = lookup.defineClass(classFile);
      MethodHandle register = lookup.findStatic(node, "register", REGISTER_TYPE);
      String problem = check(register);
      if (problem == null) {
        defined = register;
      }
      return problem;
    } catch (Throwable e) { // LinkageError, too: a JDK whose internals differ
      return e.toString();
    }
  }

  private static String check(MethodHandle register) throws Throwable {
    Probe probe = new Probe();
    CompletableFuture<Object> withValue = new CompletableFuture<>();
    register.invokeExact(withValue, (BiConsumer<Object, Throwable>) probe);
    if (probe.calls != 0) {
      return "called back before the future completed";
    }
    Object value = new Object();
    withValue.complete(value);
    if (probe.calls != 1 || probe.value != value || probe.error != null) {
      return "no call back with the value";
    }
    Throwable error = new IllegalStateException("check");
    CompletableFuture<Object> failed = new CompletableFuture<>();
    failed.completeExceptionally(error);
    register.invokeExact(failed, (BiConsumer<Object, Throwable>) probe);
    if (probe.calls != 2 || probe.value != null || probe.error != error) {
      return "no call back with the exception";
    }
    return null;
  }

  /** Whether pending futures get the agent's own node. */
  static boolean installed() {
    return Installed.REGISTER != null;
  }

  /** Calls {@code binding} once {@code future} completes, at once if it has. */
  static void register(CompletableFuture<?> future, FutureBinding binding) {
    MethodHandle register = Installed.REGISTER;
    if (register == null) {
      future.whenComplete(binding);
      return;
    }
    try {
      register.invokeExact(future, (BiConsumer<Object, Throwable>) binding);
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  /**
   * The installed node, as a constant the compiler can inline: read when first used, which is after
   * the agent started.
   */
  private static final class Installed {
    static final MethodHandle REGISTER = defined;
  }

  /** What the check's callbacks received. */
  private static final class Probe implements BiConsumer<Object, Throwable> {
    int calls;
    Object value;
    Throwable error;

    @Override
    public void accept(Object value, Throwable error) {
      calls++;
      this.value = value;
      this.error = error;
    }
  }
}
