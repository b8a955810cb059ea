package dev.asyncinspect.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.asyncinspect.agent.bootstrap.AgentLog;
import dev.asyncinspect.agent.bootstrap.Registry;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodTooLargeException;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves {@code @Trace} methods: method advice (task start and end) plus await points.
 *
 * <p>A plain class file transformer around Byte Buddy's {@code redefine}, rather than its {@code
 * AgentBuilder}: the agent needs none of the builder's class injection machinery, whose set-up
 * touches {@code sun.misc.Unsafe} and makes JDK 24+ print warnings in the application's stderr.
 * Weaving changes no class format (no new members), so classes can also be retransformed.
 */
final class TraceWeaving implements ClassFileTransformer {
  /** After this many classes that could not be woven, further ones are not reported one by one. */
  private static final int MAX_REPORTED_ERRORS = 20;

  private static final ThreadLocal<Boolean> WEAVING = new ThreadLocal<>();

  private final ElementMatcher.Junction<MethodDescription> traced;
  private final ElementMatcher.Junction<MethodDescription> async =
      new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
        @Override
        public boolean matches(MethodDescription method) {
          return MethodIdBinding.isAsync(method);
        }
      };
  private final ByteBuddy byteBuddy =
      new ByteBuddy()
          .with(TypeValidation.DISABLED)
          .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
          .with(Implementation.Context.Disabled.Factory.INSTANCE);
  private final Advice syncAdvice;
  private final Advice asyncAdvice;
  private final AwaitPointWeaver awaitPoints;
  private final AtomicInteger errors = new AtomicInteger();
  private final Registry registry;

  TraceWeaving(Registry registry, TracePatterns patterns) {
    this.registry = registry;
    // Bridge methods are left out: javac copies @Trace onto them, and a bridge only calls the
    // real method, which would make every call two nested tasks.
    this.traced =
        isMethod()
            .and(not(isAbstract()))
            .and(not(isNative()))
            .and(not(isBridge()))
            .and(isAnnotatedWith(named(MethodIdBinding.TRACE)).or(selectedBy(patterns)));
    Advice.WithCustomMapping mapping =
        Advice.withCustomMapping().bind(new MethodIdBinding(registry));
    this.syncAdvice = mapping.to(TraceAdvice.Sync.class);
    this.asyncAdvice = mapping.to(TraceAdvice.Async.class);
    this.awaitPoints = new AwaitPointWeaver(registry, traced);
  }

  /** Methods that {@code trace=} patterns select; never synthetic ones (lambda bodies). */
  private static ElementMatcher.Junction<MethodDescription> selectedBy(TracePatterns patterns) {
    return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
      @Override
      public boolean matches(MethodDescription method) {
        return !patterns.isEmpty()
            && !method.isSynthetic()
            && patterns.matchesMethod(
                method.getDeclaringType().asErasure().getName(),
                method.getName(),
                MethodIdBinding.isAsync(method));
      }
    };
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
      return weave(loader, className.replace('/', '.'), classfileBuffer);
    } catch (Throwable e) {
      registry.unwoven(className.replace('/', '.'), methodsBefore);
      reportError(className.replace('/', '.'), e);
      return null;
    } finally {
      WEAVING.remove();
    }
  }

  private byte[] weave(ClassLoader loader, String name, byte[] bytes) {
    ClassFileLocator locator =
        new ClassFileLocator.Compound(
            ClassFileLocator.Simple.of(name, bytes), ClassFileLocator.ForClassLoader.of(loader));
    TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
    TypeDescription type = pool.describe(name).resolve();
    if (type.getDeclaredMethods().filter(traced).isEmpty()) {
      return null;
    }
    return byteBuddy
        .redefine(type, locator)
        .visit(syncAdvice.on(traced.and(not(async))))
        .visit(asyncAdvice.on(traced.and(async)))
        // Registered last so that it sees the original code (see AwaitPointWeaver).
        .visit(awaitPoints)
        .make(pool)
        .getBytes();
  }

  private static String describe(Throwable error) {
    if (error instanceof MethodTooLargeException) {
      MethodTooLargeException tooLarge = (MethodTooLargeException) error;
      return "with tracing, its method "
          + tooLarge.getMethodName()
          + tooLarge.getDescriptor()
          + " would have "
          + tooLarge.getCodeSize()
          + " bytes of code, more than the 65535 the JVM allows";
    }
    return error.toString();
  }

  /** A class that cannot be woven loads untouched, with one line on stderr. */
  private void reportError(String typeName, Throwable error) {
    int n = errors.incrementAndGet();
    if (n <= MAX_REPORTED_ERRORS) {
      AgentLog.warn("could not weave " + typeName + ", it runs untraced: " + describe(error));
    } else if (n == MAX_REPORTED_ERRORS + 1) {
      AgentLog.warn("more classes could not be woven; no longer reporting them one by one");
    }
  }
}
