package dev.asyncinspect.agent;

import static dev.asyncinspect.agent.AwaitOperation.waitOn;
import static dev.asyncinspect.agent.AwaitOperation.waitStatic;

import dev.asyncinspect.agent.AwaitOperation.Source;
import dev.asyncinspect.agent.bootstrap.AwaitSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The waiting operations of design.md ("Await points") and how a call site is matched to one: by
 * owner, name and descriptor, where the owner may also be a subtype of the JDK type that declares
 * the operation ({@code ReentrantLock.lock} is {@code Lock.lock}).
 */
final class AwaitOperations {
  private static final String CF = "java/util/concurrent/CompletableFuture";
  private static final String FUTURE = "java/util/concurrent/Future";
  private static final String TIME = "JLjava/util/concurrent/TimeUnit;";
  private static final String LOCK = "java/util/concurrent/locks/Lock";
  private static final String CONDITION = "java/util/concurrent/locks/Condition";
  private static final String QUEUE = "java/util/concurrent/BlockingQueue";
  private static final String SEMAPHORE = "java/util/concurrent/Semaphore";
  private static final String PARK = "java/util/concurrent/locks/LockSupport";

  /** All operations, by {@code name + descriptor}. */
  private static final Map<String, List<AwaitOperation>> BY_SIGNATURE = new HashMap<>();

  static {
    add(waitOn(CF, "join", "()Ljava/lang/Object;", "FUTURE"));
    add(waitOn(FUTURE, "get", "()Ljava/lang/Object;", "FUTURE"));
    add(waitOn(FUTURE, "get", "(" + TIME + ")Ljava/lang/Object;", "FUTURE").timed());
    add(waitOn("java/util/concurrent/ForkJoinTask", "join", "()Ljava/lang/Object;", "FUTURE"));
    add(waitOn("java/util/concurrent/CountDownLatch", "await", "()V", "LATCH"));
    add(waitOn("java/util/concurrent/CountDownLatch", "await", "(" + TIME + ")Z", "LATCH").timed());
    add(waitOn("java/util/concurrent/CyclicBarrier", "await", "()I", "LATCH"));
    add(waitOn("java/util/concurrent/CyclicBarrier", "await", "(" + TIME + ")I", "LATCH").timed());
    add(waitOn(SEMAPHORE, "acquire", "()V", "SEMAPHORE"));
    add(waitOn(SEMAPHORE, "acquire", "(I)V", "SEMAPHORE"));
    add(waitOn(SEMAPHORE, "acquireUninterruptibly", "()V", "SEMAPHORE"));
    add(waitOn(SEMAPHORE, "acquireUninterruptibly", "(I)V", "SEMAPHORE"));
    add(waitOn(SEMAPHORE, "tryAcquire", "(" + TIME + ")Z", "SEMAPHORE").timed());
    add(waitOn(SEMAPHORE, "tryAcquire", "(I" + TIME + ")Z", "SEMAPHORE").timed());
    add(waitOn(LOCK, "lock", "()V", "LOCK").acquiring(AwaitSite.ACQUIRES_ALWAYS));
    add(waitOn(LOCK, "lockInterruptibly", "()V", "LOCK").acquiring(AwaitSite.ACQUIRES_ALWAYS));
    add(waitOn(LOCK, "tryLock", "()Z", "LOCK").acquiring(AwaitSite.ACQUIRES_IF_TRUE));
    add(
        waitOn(LOCK, "tryLock", "(" + TIME + ")Z", "LOCK")
            .timed()
            .acquiring(AwaitSite.ACQUIRES_IF_TRUE));
    add(AwaitOperation.release(LOCK, "unlock", "()V"));
    add(waitOn(CONDITION, "await", "()V", "CONDITION"));
    add(waitOn(CONDITION, "awaitUninterruptibly", "()V", "CONDITION"));
    add(waitOn(CONDITION, "await", "(" + TIME + ")Z", "CONDITION").timed());
    add(waitOn(CONDITION, "awaitNanos", "(J)J", "CONDITION").timed());
    add(waitOn(CONDITION, "awaitUntil", "(Ljava/util/Date;)Z", "CONDITION").timed());
    add(waitOn(QUEUE, "take", "()Ljava/lang/Object;", "QUEUE"));
    add(waitOn(QUEUE, "put", "(Ljava/lang/Object;)V", "QUEUE"));
    add(waitOn(QUEUE, "poll", "(" + TIME + ")Ljava/lang/Object;", "QUEUE").timed());
    add(waitOn(QUEUE, "offer", "(Ljava/lang/Object;" + TIME + ")Z", "QUEUE").timed());
    add(waitOn("java/lang/Thread", "join", "()V", "THREAD"));
    add(waitOn("java/lang/Thread", "join", "(J)V", "THREAD").timed());
    add(waitOn("java/lang/Thread", "join", "(JI)V", "THREAD").timed());
    add(waitOn("java/lang/Thread", "join", "(Ljava/time/Duration;)Z", "THREAD").timed());
    add(waitStatic("java/lang/Thread", "sleep", "(J)V", "SLEEP", Source.NONE).timed());
    add(waitStatic("java/lang/Thread", "sleep", "(JI)V", "SLEEP", Source.NONE).timed());
    add(
        waitStatic("java/lang/Thread", "sleep", "(Ljava/time/Duration;)V", "SLEEP", Source.NONE)
            .timed());
    add(waitOn("java/lang/Object", "wait", "()V", "WAIT"));
    add(waitOn("java/lang/Object", "wait", "(J)V", "WAIT").timed());
    add(waitOn("java/lang/Object", "wait", "(JI)V", "WAIT").timed());
    add(waitStatic(PARK, "park", "()V", "PARK", Source.NONE));
    add(waitStatic(PARK, "park", "(Ljava/lang/Object;)V", "PARK", Source.ARG0));
    add(waitStatic(PARK, "parkNanos", "(J)V", "PARK", Source.NONE).timed());
    add(waitStatic(PARK, "parkNanos", "(Ljava/lang/Object;J)V", "PARK", Source.ARG0).timed());
    add(waitStatic(PARK, "parkUntil", "(J)V", "PARK", Source.NONE).timed());
    add(waitStatic(PARK, "parkUntil", "(Ljava/lang/Object;J)V", "PARK", Source.ARG0).timed());
  }

  private static void add(AwaitOperation op) {
    BY_SIGNATURE.computeIfAbsent(op.name + op.descriptor, k -> new ArrayList<>(2)).add(op);
  }

  private final TypeHierarchy hierarchy;

  /** A matcher for one class being woven. */
  AwaitOperations(TypeHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  /** The operation that a call instruction performs, or null if it does not wait. */
  AwaitOperation match(boolean isStatic, String owner, String name, String descriptor) {
    List<AwaitOperation> candidates = BY_SIGNATURE.get(name + descriptor);
    if (candidates == null) {
      return null;
    }
    for (AwaitOperation op : candidates) {
      if (op.isStatic != isStatic) {
        continue;
      }
      if (op.owner.equals(owner)
          || !isStatic
              && (op.owner.equals("java/lang/Object") || hierarchy.isSubtype(owner, op.owner))) {
        return op;
      }
    }
    return null;
  }
}
