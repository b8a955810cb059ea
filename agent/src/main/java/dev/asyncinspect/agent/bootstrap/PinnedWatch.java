package dev.asyncinspect.agent.bootstrap;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;

/**
 * Virtual-thread pinning (JDK 21+): a virtual thread that blocks while it cannot unmount (inside a
 * class initializer or a native frame, and before JDK 24 also inside {@code synchronized}) holds
 * its carrier thread. The JVM reports each such block of at least 20 ms as the JFR event {@code
 * jdk.VirtualThreadPinned}; this class streams those events in-process and keeps the most recent
 * ones, each attributed to the traced task that ran on the thread and to the await point at which
 * it blocked, when known.
 *
 * <p>By default the stream starts the first time a virtual thread runs traced code, so a JVM
 * without virtual threads pays nothing; with {@code pinning=on} it starts with the agent. Events
 * arrive about a second late; the exit dump waits for them (see {@link #drain}).
 */
public final class PinnedWatch {
  static final String EVENT = "jdk.VirtualThreadPinned";
  private static final int CAPACITY = 256;
  private static final int MAX_FRAMES = 32;
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** Whether pinning is watched at all (option {@code pinning}, and JDK 21+). */
  static volatile boolean enabled = Runtime.version().feature() >= 21;

  /** Turns the watch off (option {@code pinning=off}). */
  public static void disable() {
    enabled = false;
  }

  private static final AtomicReferenceArray<PinnedEvent> EVENTS =
      new AtomicReferenceArray<>(CAPACITY);
  private static final AtomicLong COUNT = new AtomicLong();
  private static volatile RecordingStream stream;

  /** One pinned block, as recorded. */
  static final class PinnedEvent {
    final long threadId;
    final long start;
    final long duration;
    final long task;
    final int point;
    final StackTraceElement[] stack;

    PinnedEvent(
        long threadId, long start, long duration, long task, int point, StackTraceElement[] stack) {
      this.threadId = threadId;
      this.start = start;
      this.duration = duration;
      this.task = task;
      this.point = point;
      this.stack = stack;
    }
  }

  /**
   * A virtual thread is about to run traced code: start watching, on a thread of the agent's own
   * (starting JFR takes a while, and the application's thread must not wait for it). Pins that end
   * before the stream is up are not seen.
   */
  static void virtualThreadSeen() {
    if (enabled && !STARTED.get()) {
      agentThread(PinnedWatch::start, "async-inspect-pinning-start").start();
    }
  }

  /** Starts watching now, in the calling thread (option {@code pinning=on}, at agent start). */
  public static void start() {
    if (enabled && STARTED.compareAndSet(false, true)) {
      try {
        RecordingStream stream = new RecordingStream();
        stream.enable(EVENT).withThreshold(Duration.ofMillis(20)).withStackTrace();
        stream.onEvent(EVENT, PinnedWatch::onEvent);
        // Not startAsync(): its thread is not a daemon and would keep the JVM from exiting.
        agentThread(() -> read(stream), "async-inspect-pinning").start();
        PinnedWatch.stream = stream;
        awaitRecording();
      } catch (IllegalStateException e) {
        // The JVM began to shut down while the watch started (JFR refuses then): nothing to say.
      } catch (Throwable e) {
        // No JFR in this JVM (or it is disabled): dumps just show no pinning.
        AgentLog.warn("virtual-thread pinning is not watched: " + e);
      }
    }
  }

  private static void read(RecordingStream stream) {
    try {
      stream.start();
    } catch (Throwable e) {
      // Closed while it started (the JVM shuts down): an exception escaping this thread would
      // reach the application's default uncaught-exception handler.
    }
  }

  /**
   * A daemon thread of the agent's own. It is started from an application thread (the first virtual
   * thread that runs traced code), so it takes neither that thread's inheritable thread-locals nor
   * its context class loader, which it would otherwise keep alive.
   */
  private static Thread agentThread(Runnable work, String name) {
    Thread thread = new Thread(null, work, name, 0, false);
    thread.setDaemon(true);
    thread.setContextClassLoader(null);
    return thread;
  }

  /**
   * {@code stream.start()} starts the recording on the reader thread; pins are recorded only once
   * the event is enabled, so {@link #start} returns when it is (or after 5 s).
   */
  private static void awaitRecording() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (EventType type : FlightRecorder.getFlightRecorder().getEventTypes()) {
        if (type.getName().equals(EVENT) && type.isEnabled()) {
          return;
        }
      }
      Thread.sleep(5); // waiting for JFR's own thread; bounded by the deadline above
    }
  }

  private static void onEvent(RecordedEvent event) {
    try {
      Recorder recorder = Recorder.active;
      if (recorder == null || event.getThread() == null) {
        return;
      }
      long threadId = event.getThread().getJavaThreadId();
      long start =
          Duration.between(Instant.ofEpochMilli(recorder.originEpochMillis), event.getStartTime())
              .toNanos();
      StackTraceElement[] stack = frames(event);
      long task = PinnedAttribution.task(recorder, threadId, start);
      int point = PinnedAttribution.point(recorder.registry, stack);
      PinnedEvent pinned =
          new PinnedEvent(threadId, start, event.getDuration().toNanos(), task, point, stack);
      long seq = COUNT.getAndIncrement();
      EVENTS.set((int) (seq % CAPACITY), pinned);
    } catch (Throwable e) {
      Recorder.internalError(e);
    }
  }

  private static StackTraceElement[] frames(RecordedEvent event) {
    if (event.getStackTrace() == null) {
      return new StackTraceElement[0];
    }
    List<RecordedFrame> frames = event.getStackTrace().getFrames();
    int n = Math.min(frames.size(), MAX_FRAMES);
    StackTraceElement[] stack = new StackTraceElement[n];
    for (int i = 0; i < n; i++) {
      RecordedFrame f = frames.get(i);
      stack[i] =
          new StackTraceElement(
              f.getMethod().getType().getName(), f.getMethod().getName(), null, f.getLineNumber());
    }
    return stack;
  }

  /**
   * Before the exit dump: stops the stream so that the events still buffered are delivered ({@code
   * RecordingStream.stop()}, JDK 20+), waiting at most {@code limitMillis}.
   */
  static void drain(long limitMillis) {
    RecordingStream current = stream;
    if (current == null) {
      return;
    }
    Thread stopper =
        new Thread(
            () -> {
              try {
                RecordingStream.class.getMethod("stop").invoke(current);
              } catch (ReflectiveOperationException | RuntimeException e) {
                // JDK without stop(): the last second of events may be missing
              }
            },
            "async-inspect-pinning-drain");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(limitMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The recorded events, oldest first. */
  static PinnedEvent[] events() {
    long count = COUNT.get();
    int n = (int) Math.min(count, CAPACITY);
    PinnedEvent[] out = new PinnedEvent[n];
    for (int i = 0; i < n; i++) {
      out[i] = EVENTS.get((int) ((count - n + i) % CAPACITY));
    }
    return out;
  }

  static long dropped() {
    return Math.max(0, COUNT.get() - CAPACITY);
  }

  private PinnedWatch() {}
}
