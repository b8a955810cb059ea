package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.MethodInfo;

/**
 * A traced method as a node of the {@link CallGraph}. Counts and times are of its tasks in the dump
 * (the live ones and the retained finished ones), except {@code callsSinceStart}.
 *
 * @param method the method record
 * @param calls its ASYNC and SYNC tasks in the dump
 * @param spawned its SPAWNED tasks in the dump: work it handed to other threads
 * @param callsSinceStart its finished calls since the agent started ({@code methodStats.count})
 *     plus its live tasks; -1 when the dump has no {@code methodStats} for it
 * @param totalNanos the sum of its calls' inclusive times (start to end, or to the dump's moment)
 * @param selfNanos the sum of the self times (inclusive time not covered by child tasks) of its
 *     tasks and of the work it spawned; can exceed {@code totalNanos} when spawned work outlives
 *     the calls
 * @param wallShare {@code selfNanos} divided by the wall span of the dump's tasks; above 1 when its
 *     tasks overlap (ten concurrent tasks over the whole span make 10)
 * @param asyncUse whether its asynchrony pays off
 * @param bottleneck whether {@code wallShare >= } {@link CallGraph#BOTTLENECK_SHARE}
 */
public record MethodNode(
    MethodInfo method,
    long calls,
    long spawned,
    long callsSinceStart,
    long totalNanos,
    long selfNanos,
    double wallShare,
    AsyncUse asyncUse,
    boolean bottleneck) {

  /** The method's id. */
  public int id() {
    return method.id();
  }

  /** The name shown to users: the {@code @Trace} value or {@code SimpleClass.method}. */
  public String name() {
    return method.task();
  }
}
