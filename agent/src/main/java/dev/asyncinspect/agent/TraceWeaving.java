package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AgentLog;
import dev.asyncinspect.agent.bootstrap.Registry;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Weaves {@code @Trace} methods: entry and exit calls plus await points and spawn points.
 *
 * <p>A plain class file transformer over the ASM bundled with Byte Buddy, rather than Byte Buddy's
 * {@code Advice} or {@code AgentBuilder}: setting those up loads and initializes several hundred
 * classes, which made the agent's start-up several times slower than the JVM's own; and the
 * builder's class injection touches {@code sun.misc.Unsafe}, which makes JDK 24+ print warnings in
 * the application's stderr. Weaving adds no member and changes no class format, so classes can also
 * be retransformed.
 */
final class TraceWeaving implements ClassFileTransformer {
  /** After this many classes that could not be woven, further ones are not reported one by one. */
  private static final int MAX_REPORTED_ERRORS = 20;

  private static final ThreadLocal<Boolean> WEAVING = new ThreadLocal<>();

  private final Registry registry;
  private final TracePatterns patterns;
  private final AtomicInteger errors = new AtomicInteger();

  TraceWeaving(Registry registry, TracePatterns patterns) {
    this.registry = registry;
    this.patterns = patterns;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (className == null || WEAVING.get() != null) {
      return null;
    }
    WEAVING.set(Boolean.TRUE);
    int methodsBefore = registry.methodsRegistered();
    try {
      return weave(loader, className, classfileBuffer);
    } catch (Throwable e) {
      registry.unwoven(className.replace('/', '.'), methodsBefore);
      reportError(className.replace('/', '.'), e);
      return null;
    } finally {
      WEAVING.remove();
    }
  }

  private byte[] weave(ClassLoader loader, String internalName, byte[] bytes) {
    // In another class, so that verifying this one (at agent start) loads none of ASM.
    return AwaitPointWeaver.weave(registry, patterns, loader, internalName, bytes);
  }

  /** A class that cannot be woven loads untouched, with one line on stderr. */
  private void reportError(String typeName, Throwable error) {
    int n = errors.incrementAndGet();
    if (n <= MAX_REPORTED_ERRORS) {
      AgentLog.warn(
          "could not weave "
              + typeName
              + ", it runs untraced: "
              + AwaitPointWeaver.describeFailure(error));
    } else if (n == MAX_REPORTED_ERRORS + 1) {
      AgentLog.warn("more classes could not be woven; no longer reporting them one by one");
    }
  }
}
