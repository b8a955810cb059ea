package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AgentLog;
import dev.asyncinspect.agent.bootstrap.Registry;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The weaver, built the first time a class needs it. Building it loads most of the agent's code
 * (the class file reader and writer, the weaving visitors), which would otherwise lengthen every
 * JVM's start, including those that never load a traced class.
 *
 * <p>The build is synchronous: a class that the prefilter passes waits for the weaver and is woven
 * before it loads, so no traced class is missed however early it comes. Only classes that need
 * weaving ever wait, and only for the first build; concurrent ones wait for the same build. A build
 * that fails is reported once, and later classes load untraced.
 */
final class LazyWeaving implements ClassFileTransformer {
  private final Registry registry;
  private final TracePatterns patterns;
  private volatile ClassFileTransformer weaver;
  private boolean failed; // guarded by this

  LazyWeaving(Registry registry, TracePatterns patterns) {
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
    ClassFileTransformer w = weaver();
    if (w == null) {
      return null;
    }
    try {
      return w.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (Throwable e) {
      return null; // the weaver reports its own errors; nothing escapes into class loading
    }
  }

  private ClassFileTransformer weaver() {
    ClassFileTransformer w = weaver;
    if (w != null) {
      return w;
    }
    synchronized (this) {
      if (weaver == null && !failed) {
        try {
          weaver = new TraceWeaving(registry, patterns);
        } catch (Throwable e) {
          failed = true;
          AgentLog.warn("weaving could not start, the application runs untraced: " + e);
        }
      }
      return weaver;
    }
  }
}
