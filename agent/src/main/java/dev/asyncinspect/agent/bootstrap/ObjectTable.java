package dev.asyncinspect.agent.bootstrap;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The application objects one dump mentions (futures, locks, latches, ...), each given an id for
 * that dump, with the tasks that produce, hold or wait on it. Lives only while a dump is written.
 */
final class ObjectTable {
  /** One object and its relations to tasks. */
  static final class Entry {
    final int id;
    final Object object;
    final String kind;
    long producer;
    private boolean producerSpawned;
    final List<Long> holders = new ArrayList<>(2);
    final List<Long> waiters = new ArrayList<>(2);
    final List<Integer> sources = new ArrayList<>(0);
    final List<Long> queued = new ArrayList<>(0);
    final List<Long> running = new ArrayList<>(0);

    Entry(int id, Object object, String kind) {
      this.id = id;
      this.object = object;
      this.kind = kind;
    }

    /**
     * Offers {@code task} as the producer of this future. The SPAWNED task whose work completes it
     * wins over an ASYNC task that returned it (a cache returns futures others complete); among
     * ASYNC tasks, the first one that returned it.
     */
    void offerProducer(long task, boolean spawned) {
      if (producer == 0 || spawned && !producerSpawned) {
        producer = task;
        producerSpawned = spawned;
      }
    }
  }

  private final Map<Object, Entry> entries = new IdentityHashMap<>();
  private final List<Entry> inOrder = new ArrayList<>();

  /** The entry for {@code object}, created with {@code kind} when it is new. */
  Entry entry(Object object, String kind) {
    Entry entry = entries.get(object);
    if (entry == null) {
      entry = new Entry(inOrder.size() + 1, object, kind);
      entries.put(object, entry);
      inOrder.add(entry);
    }
    return entry;
  }

  List<Entry> entries() {
    return inOrder;
  }

  /**
   * For each future with no known producer, adds the futures it is derived from (and theirs, until
   * a future with a producer or with no known source).
   */
  void linkSources() {
    List<Object> futures = new ArrayList<>();
    for (Entry e : inOrder) {
      if ("FUTURE".equals(e.kind)) {
        futures.add(e.object);
      }
    }
    if (futures.isEmpty()) {
      return;
    }
    FutureSources derived = new FutureSources(futures);
    for (int i = 0; i < inOrder.size(); i++) { // grows while it runs
      Entry e = inOrder.get(i);
      if ("FUTURE".equals(e.kind) && e.producer == 0) {
        for (Object source : derived.of(e.object)) {
          e.sources.add(entry(source, "FUTURE").id);
        }
      }
    }
  }

  /** The object kind recorded in a dump for what an await point of {@code siteKind} waits on. */
  static String kindOfAwaited(String siteKind, Object awaited) {
    switch (siteKind) {
      case "SLEEP":
      case "PARK":
        return awaited instanceof Future ? "FUTURE" : "OTHER";
      case "WAIT":
        return "MONITOR";
      default:
        return siteKind;
    }
  }

  static String kindOfHeld(Object lock) {
    return lock instanceof java.util.concurrent.locks.Lock ? "LOCK" : "MONITOR";
  }

  void write(JsonLine line, DumpOutput out) throws java.io.IOException {
    for (Entry e : inOrder) {
      line.begin()
          .field("type", "object")
          .field("id", e.id)
          .field("kind", e.kind)
          .field("class", e.object.getClass().getName())
          .field("identity", Integer.toHexString(System.identityHashCode(e.object)));
      if (e.object instanceof Future) {
        Future<?> future = (Future<?>) e.object;
        boolean done = future.isDone();
        line.field("done", done);
        if (done) {
          line.field("state", futureState(future));
        }
      }
      if (e.producer > 0) {
        line.field("producer", e.producer);
      }
      if (!e.sources.isEmpty()) {
        line.array("sources");
        for (int id : e.sources) {
          line.element(id);
        }
        line.endArray();
      }
      ids(line, "holders", e.holders);
      if (e.object instanceof ReentrantLock) {
        line.field("locked", ((ReentrantLock) e.object).isLocked());
      }
      if (e.object instanceof Thread) {
        line.field("thread", ThreadRecords.id((Thread) e.object));
      }
      ids(line, "waiters", e.waiters);
      if ("EXECUTOR".equals(e.kind)) {
        ExecutorFields.write(line, e.object);
        ids(line, "queued", e.queued);
        ids(line, "running", e.running);
      }
      out.line(line.end(), "object");
    }
  }

  private static String futureState(Future<?> future) {
    if (future.isCancelled()) {
      return "CANCELLED";
    }
    if (future instanceof CompletableFuture
        && ((CompletableFuture<?>) future).isCompletedExceptionally()) {
      return "FAILED";
    }
    return "COMPLETED";
  }

  private static void ids(JsonLine line, String name, List<Long> ids) {
    if (!ids.isEmpty()) {
      line.array(name);
      for (long id : ids) {
        line.element(id);
      }
      line.endArray();
    }
  }
}
