package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AgentLog;
import java.lang.annotation.Annotation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;

/**
 * When the agent is attached to a running JVM: weaves the classes that were loaded before it, by
 * retransforming each one that declares a {@code @Trace} method or matches a {@code trace=}
 * pattern. Invocations already running keep their old code; later calls are traced.
 */
final class LoadedClasses {

  static void retransform(Instrumentation instrumentation, TracePatterns patterns) {
    int failed = 0;
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (!candidate(instrumentation, type, patterns)) {
        continue;
      }
      try {
        instrumentation.retransformClasses(type);
      } catch (Throwable e) {
        if (++failed <= 5) {
          AgentLog.warn("could not weave already loaded " + type.getName() + ": " + e);
        }
      }
    }
  }

  private static boolean candidate(
      Instrumentation instrumentation, Class<?> type, TracePatterns patterns) {
    if (type.getClassLoader() == null
        || type.isArray()
        || type.isPrimitive()
        || type.getName().startsWith("dev.asyncinspect.agent.")
        || !instrumentation.isModifiableClass(type)) {
      return false;
    }
    if (!patterns.isEmpty() && patterns.matchesClass(type.getName())) {
      return true;
    }
    try {
      for (Method method : type.getDeclaredMethods()) {
        for (Annotation annotation : method.getDeclaredAnnotations()) {
          if (annotation.annotationType().getName().equals(TracePrefilter.TRACE)) {
            return true;
          }
        }
      }
    } catch (Throwable e) {
      // A class whose methods cannot be listed (a type it names is missing) is left alone.
    }
    return false;
  }

  private LoadedClasses() {}
}
