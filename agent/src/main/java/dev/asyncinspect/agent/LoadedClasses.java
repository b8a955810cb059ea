package dev.asyncinspect.agent;

import dev.asyncinspect.agent.bootstrap.AgentLog;
import java.lang.annotation.Annotation;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When the agent is attached to a running JVM: weaves the classes that were loaded before it, by
 * retransforming each one that declares a {@code @Trace} method or matches a {@code trace=}
 * pattern, then the anonymous and local classes declared in those ({@link EnclosedCode}: they are
 * woven only once their enclosing class is). Invocations already running keep their old code; later
 * calls are traced.
 */
final class LoadedClasses {

  static void retransform(Instrumentation instrumentation, TracePatterns patterns) {
    List<Class<?>> inner = new ArrayList<>();
    Set<String> traced = new HashSet<>();
    int[] failed = {0};
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (!modifiable(instrumentation, type)) {
        continue;
      }
      if (candidate(type, patterns)) {
        traced.add(type.getName());
        retransform(instrumentation, type, failed);
      } else if (type.getName().indexOf('$') > 0) {
        inner.add(type);
      }
    }
    // Outer before inner, by name only (no reflection, which would load the classes that their
    // methods name): the weaver reads each class's enclosing method from its bytes and weaves only
    // those declared in traced code.
    inner.sort(Comparator.comparingInt((Class<?> type) -> type.getName().length()));
    for (Class<?> type : inner) {
      if (EnclosedCode.namedAfter(type.getName(), traced)) {
        traced.add(type.getName());
        retransform(instrumentation, type, failed);
      }
    }
  }

  private static void retransform(Instrumentation instrumentation, Class<?> type, int[] failed) {
    try {
      instrumentation.retransformClasses(type);
    } catch (Throwable e) {
      if (++failed[0] <= 5) {
        AgentLog.warn("could not weave already loaded " + type.getName() + ": " + e);
      }
    }
  }

  private static boolean modifiable(Instrumentation instrumentation, Class<?> type) {
    return type.getClassLoader() != null
        && !type.isArray()
        && !type.isPrimitive()
        && !type.getName().startsWith("dev.asyncinspect.agent.")
        && instrumentation.isModifiableClass(type);
  }

  private static boolean candidate(Class<?> type, TracePatterns patterns) {
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
