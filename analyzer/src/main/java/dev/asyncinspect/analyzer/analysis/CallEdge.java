package dev.asyncinspect.analyzer.analysis;

/**
 * An edge of the {@link CallGraph}, between two traced methods.
 *
 * @param from the method id of the caller ({@link EdgeKind#CALLS}) or of the waiter ({@link
 *     EdgeKind#AWAITS})
 * @param to the method id of the callee, or of the producer of the awaited future
 * @param kind what the edge means
 * @param count calls, or waits
 * @param totalNanos {@code CALLS}: the sum of the callee tasks' inclusive times; {@code AWAITS}:
 *     the sum of the waits' durations (ongoing ones up to the dump's moment)
 * @param maxNanos the longest of them
 * @param inferred {@code AWAITS}: how many of the waits were inferred from the event history rather
 *     than seen in the dump's objects; 0 for {@code CALLS}
 */
public record CallEdge(
    int from, int to, EdgeKind kind, long count, long totalNanos, long maxNanos, long inferred) {}
