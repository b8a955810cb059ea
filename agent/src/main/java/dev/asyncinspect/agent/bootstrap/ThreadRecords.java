package dev.asyncinspect.agent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code thread} and {@code jvmDeadlock} records of a dump: the threads that run live tasks,
 * with their stacks at dump time, and what the JVM's own deadlock detector reports.
 */
final class ThreadRecords {
  /** {@code Thread.isVirtual()} where the JVM has it (21+), else null. */
  private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

  private final Map<Long, Thread> threads = new LinkedHashMap<>();
  private final Map<Long, SeenThreads.Seen> named = new LinkedHashMap<>();
  private final Map<Long, ThreadInfo> lockInfo = new LinkedHashMap<>();
  private long[] deadlocked = new long[0];
  private Map<Thread, StackTraceElement[]> allStacks;

  void add(Thread thread) {
    threads.putIfAbsent(id(thread), thread);
  }

  /** A thread known by name ({@link SeenThreads}), written without a stack unless added too. */
  void addNamed(SeenThreads.Seen seen) {
    named.putIfAbsent(seen.id, seen);
  }

  /**
   * Adds every platform thread, as {@code jstack} would list them: a dump asked for from outside
   * (often right after the agent was attached, before any task was traced) shows where each thread
   * is.
   */
  void addAllPlatformThreads() {
    for (Thread thread : allPlatformThreads().keySet()) {
      add(thread);
    }
  }

  /**
   * Every platform thread with its stack, asked of the JVM at most once per dump: the stacks are
   * kept and written, not taken a second time.
   */
  private Map<Thread, StackTraceElement[]> allPlatformThreads() {
    if (allStacks == null) {
      allStacks = Thread.getAllStackTraces();
    }
    return allStacks;
  }

  /** Asks the JVM for platform-thread deadlocks (monitors and ownable synchronizers). */
  void findJvmDeadlocks() {
    try {
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long[] ids = mx.findDeadlockedThreads();
      if (ids == null) {
        return;
      }
      deadlocked = ids;
      for (ThreadInfo info : mx.getThreadInfo(ids, false, false)) {
        if (info != null) {
          lockInfo.put(info.getThreadId(), info);
        }
      }
      for (Thread thread : allPlatformThreads().keySet()) {
        if (lockInfo.containsKey(id(thread))) {
          add(thread);
        }
      }
    } catch (Throwable e) {
      // A JVM without management support still gets a dump, without this part.
      Recorder.internalError(e);
    }
  }

  void write(JsonLine line, DumpOutput out) throws java.io.IOException {
    for (Map.Entry<Long, Thread> e : threads.entrySet()) {
      Thread thread = e.getValue();
      StackTraceElement[] taken = allStacks == null ? null : allStacks.get(thread);
      StackTraceElement[] stack = taken != null ? taken : thread.getStackTrace();
      line.begin()
          .field("type", "thread")
          .field("id", e.getKey())
          .field("name", thread.getName())
          .field("virtual", isVirtual(thread))
          .field("state", thread.getState().name())
          .field("daemon", thread.isDaemon());
      ThreadInfo info = lockInfo.get(e.getKey());
      if (info != null) {
        line.field("lock", info.getLockName());
        if (info.getLockOwnerId() >= 0) {
          line.field("lockOwner", info.getLockOwnerId());
        }
      }
      frames(line, "stack", stack, stack.length);
      out.line(line.end(), "thread");
    }
    for (SeenThreads.Seen seen : named.values()) {
      if (!threads.containsKey(seen.id)) {
        Thread thread = seen.thread.get();
        boolean alive = thread != null && thread.isAlive();
        line.begin()
            .field("type", "thread")
            .field("id", seen.id)
            .field("name", alive ? thread.getName() : seen.name)
            .field("virtual", false)
            .field("state", alive ? thread.getState().name() : "TERMINATED")
            .field("daemon", seen.daemon);
        out.line(line.end(), "thread");
      }
    }
    if (deadlocked.length > 0) {
      line.begin().field("type", "jvmDeadlock").array("threads");
      for (long id : deadlocked) {
        line.element(id);
      }
      out.line(line.endArray().end(), "jvmDeadlock");
    }
  }

  static void frames(JsonLine line, String name, StackTraceElement[] stack, int count) {
    line.array(name);
    for (int i = 0; i < count; i++) {
      StackTraceElement f = stack[i];
      line.elementObject().field("class", f.getClassName()).field("method", f.getMethodName());
      if (f.getFileName() != null) {
        line.field("file", f.getFileName());
      }
      if (f.getLineNumber() >= 0) {
        line.field("line", f.getLineNumber());
      }
      if (f.isNativeMethod()) {
        line.field("native", true);
      }
      line.endObject();
    }
    line.endArray();
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same on 17+.
  static long id(Thread thread) {
    return thread.getId();
  }

  static boolean isVirtual(Thread thread) {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(thread);
    } catch (Throwable e) {
      return false;
    }
  }

  private static MethodHandle isVirtualHandle() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
