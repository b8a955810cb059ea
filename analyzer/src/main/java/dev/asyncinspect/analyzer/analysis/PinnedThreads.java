package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.MethodInfo;
import dev.asyncinspect.analyzer.dump.PinnedInfo;
import dev.asyncinspect.analyzer.dump.StackFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * The pinned-virtual-thread lint: each time a virtual thread running traced code blocked while
 * pinned to its carrier (the dump's {@code pinned} records), with the task and where in the traced
 * code it happened. Pinning is not a finding (the program goes on), but each one held a carrier
 * thread that other virtual threads could not use.
 *
 * <p>Cost: for each pin, one pass over its stack frames and the dump's methods.
 */
public final class PinnedThreads {

  /** One pin: its task (null when unknown), thread, duration, and where it happened. */
  public record Pin(Long task, long thread, long durationNanos, String location) {}

  public static List<Pin> of(Dump dump) {
    List<Pin> pins = new ArrayList<>();
    for (PinnedInfo pinned : dump.pinned()) {
      pins.add(new Pin(pinned.task(), pinned.thread(), pinned.duration(), location(dump, pinned)));
    }
    return pins;
  }

  /**
   * The await point when the block was at one; else the innermost frame in a traced method, as
   * {@code File.java:line}; else the innermost frame outside the JDK; else {@code ?}.
   */
  private static String location(Dump dump, PinnedInfo pinned) {
    if (pinned.point() != null) {
      AwaitPointInfo point = dump.awaitPoint(pinned.point());
      if (point != null) {
        return point.location() + " " + point.operation();
      }
    }
    for (StackFrame frame : pinned.stack()) {
      for (MethodInfo method : dump.methods().values()) {
        if (method.className().equals(frame.className())
            && method.name().equals(frame.method())
            && method.file() != null
            && frame.line() != null) {
          return method.file() + ":" + frame.line() + " in " + method.task();
        }
      }
    }
    for (StackFrame frame : pinned.stack()) {
      String type = frame.className();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return frame.toString();
      }
    }
    return "?";
  }

  private PinnedThreads() {}
}
