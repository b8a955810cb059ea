package dev.asyncinspect.analyzer.dump;

import java.util.List;

/**
 * An {@code object} record: something a task waits on, holds, or produced. Ids are per dump.
 *
 * @param id the object id within this dump
 * @param kind what kind of object it is
 * @param className the object's class (JSON field {@code class})
 * @param identity {@code System.identityHashCode} in hex
 * @param done futures: whether completed in any way; else null
 * @param state futures, when done: {@code COMPLETED}, {@code FAILED} or {@code CANCELLED}
 * @param producer futures: the task expected to complete it, or null
 * @param holders locks and monitors: the tasks that hold it
 * @param locked locks: whether the JVM says it is locked, or null
 * @param thread {@code THREAD} objects: the thread's id, else null
 * @param waiters the tasks {@code BLOCKED} on it
 * @param sources futures with no known producer that are derived from other futures ({@code
 *     thenApply}, {@code allOf}, ...): the object ids of the futures it waits for; else empty
 * @param executor {@code EXECUTOR} objects: the pool's kind, sizes and work; else null
 */
public record ObjectInfo(
    int id,
    ObjectKind kind,
    String className,
    String identity,
    Boolean done,
    String state,
    Long producer,
    List<Long> holders,
    Boolean locked,
    Long thread,
    List<Long> waiters,
    List<Integer> sources,
    ExecutorInfo executor) {

  public ObjectInfo {
    holders = Copies.list(holders);
    waiters = Copies.list(waiters);
    sources = Copies.list(sources);
  }

  /** An object of format 1.0: no sources, not an executor. */
  public ObjectInfo(
      int id,
      ObjectKind kind,
      String className,
      String identity,
      Boolean done,
      String state,
      Long producer,
      List<Long> holders,
      Boolean locked,
      Long thread,
      List<Long> waiters) {
    this(
        id, kind, className, identity, done, state, producer, holders, locked, thread, waiters,
        List.of(), null);
  }

  /** {@code SimpleClass@identity}, e.g. {@code CompletableFuture@5e9f23b4}. */
  public String label() {
    return className.substring(className.lastIndexOf('.') + 1) + "@" + identity;
  }
}
