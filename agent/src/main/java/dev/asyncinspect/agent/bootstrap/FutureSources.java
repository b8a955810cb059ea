package dev.asyncinspect.agent.bootstrap;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Finds, at dump time, which futures a derived future ({@code thenApply}, {@code thenCompose},
 * {@code thenCombine}, {@code allOf}, {@code anyOf}, ...) waits for, so that a wait on it leads
 * back to the tasks that produce its sources.
 *
 * <p>A {@code CompletableFuture} keeps its pending dependents on a stack of {@code Completion}s;
 * each dependent stage's completion names the future it will complete ({@code dep}, or through
 * {@code base} for a stage with two sources). Walking the stacks of the futures the dump knows,
 * forward, gives every derived future's sources. The walk reads JDK-internal fields (stable since
 * JDK 9: {@code stack}, {@code next}, {@code dep}, {@code base}), which the agent opens to itself
 * at start-up; where they cannot be read, nothing is found and the analyzer says "no known
 * producer". It costs nothing until a dump is written, and is bounded.
 */
final class FutureSources {
  /** At most this many completions are read per dump. */
  private static final int MAX_COMPLETIONS = 100_000;

  private static final Field STACK = field(CompletableFuture.class, "stack");
  private static final Map<Class<?>, Field[]> LINKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** For each derived future reached: the futures it waits for. */
  private final Map<Object, List<Object>> sources = new IdentityHashMap<>();

  /** Walks forward from {@code roots} through every pending dependent stage. */
  FutureSources(Collection<Object> roots) {
    if (STACK == null) {
      return;
    }
    Deque<Object> todo = new ArrayDeque<>(roots);
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    int budget = MAX_COMPLETIONS;
    while (!todo.isEmpty() && budget > 0) {
      Object future = todo.poll();
      if (!(future instanceof CompletableFuture) || seen.put(future, Boolean.TRUE) != null) {
        continue;
      }
      for (Object c = read(STACK, future); c != null && budget-- > 0; c = next(c)) {
        Object dep = dep(c);
        if (dep instanceof CompletableFuture && dep != future) {
          List<Object> of = sources.computeIfAbsent(dep, k -> new ArrayList<>(2));
          if (!containsIdentical(of, future)) {
            of.add(future);
          }
          todo.add(dep);
        }
      }
    }
  }

  /** The futures {@code future} waits for, if it is a derived future the walk reached. */
  List<Object> of(Object future) {
    List<Object> found = sources.get(future);
    return found == null ? List.of() : found;
  }

  private static Object next(Object completion) {
    Field[] links = links(completion.getClass());
    return links[0] == null ? null : read(links[0], completion);
  }

  /**
   * The future a completion will complete. A two-source stage ({@code thenCombine}, {@code allOf})
   * sits on its second source's stack as a {@code CoCompletion} whose {@code base} is the real
   * completion.
   */
  private static Object dep(Object completion) {
    Field[] links = links(completion.getClass());
    if (links[1] != null) {
      return read(links[1], completion);
    }
    Object base = links[2] == null ? null : read(links[2], completion);
    return base == null || base == completion ? null : dep(base);
  }

  /** {@code next}, {@code dep} and {@code base} of a completion class, looked up once per class. */
  private static Field[] links(Class<?> type) {
    return LINKS.computeIfAbsent(
        type,
        t -> new Field[] {inHierarchy(t, "next"), inHierarchy(t, "dep"), inHierarchy(t, "base")});
  }

  private static Field inHierarchy(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Field f = field(c, name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field f = type.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // not opened to the agent, or not there in this JDK
    }
  }

  private static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static boolean containsIdentical(List<Object> list, Object o) {
    for (Object e : list) {
      if (e == o) {
        return true;
      }
    }
    return false;
  }
}
