package dev.asyncinspect.analyzer.dump;

import java.util.List;

/**
 * A {@code pinned} record (format 1.1, JDK 21+): a virtual thread that blocked while pinned to its
 * carrier, from the JFR event {@code jdk.VirtualThreadPinned}.
 *
 * @param thread the virtual thread's id
 * @param task the innermost traced task on that thread at that time, or null when unknown
 * @param point the await point at which it blocked, or null when the block was at none
 * @param start the time the block began, on the dump clock
 * @param duration how long it lasted, in nanoseconds
 * @param stack the virtual thread's stack when it blocked, innermost first; empty when unknown
 */
public record PinnedInfo(
    long thread, Long task, Integer point, long start, long duration, List<StackFrame> stack) {

  public PinnedInfo {
    stack = Copies.list(stack);
  }
}
