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
 * on the future's stack of dependents. The agent offers its class file when it starts ({@link
 * #offer}); it is defined when the first pending future needs it, not before (defining it, and the
 * check, would make every application pay for {@code CompletableFuture}'s and its pool's
 * initialization at start-up), and used only if it passed the check ({@link #install}); otherwise,
 * and for other {@code CompletionStage}s, {@code whenComplete}.
 */
public final class CompletionCallbacks {
  /** The node's {@code register}, once installed and checked; read once by {@link Installed}. */
  private static volatile MethodHandle defined;

  /** The node's class file, until it is installed. */
  private static volatile byte[] offered;

  private CompletionCallbacks() {}

  /** The node's class file, to be installed when the first pending future needs it. */
  public static void offer(byte[] classFile) {
    offered = classFile;
  }

  /** Installs the offered node, saying in one line why not when it cannot. */
  private static MethodHandle installOffered() {
    byte[] classFile = offered;
    offered = null;
    if (classFile != null) {
      String problem = install(classFile);
      if (problem != null) {
        AgentLog.warn("pending futures will cost 32 bytes more each: " + problem);
      }
    }
    return defined;
  }

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
      MethodHandle register =
          lookup.findStatic(
              node,
              "register",
              MethodType.methodType(void.class, CompletableFuture.class, BiConsumer.class));
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
   * The installed node, as a constant the compiler can inline: installed when first used, by the
   * first pending future (threads that need it meanwhile wait for the class's initialization,
   * once).
   */
  private static final class Installed {
    static final MethodHandle REGISTER = installOffered();
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
