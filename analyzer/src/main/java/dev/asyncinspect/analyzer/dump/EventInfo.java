package dev.asyncinspect.analyzer.dump;

/**
 * An {@code event} record: one state change from the recent history.
 *
 * @param seq the sequence number; a gap means events were overwritten or skipped
 * @param t the time
 * @param task the task id
 * @param state the task's new state
 * @param point for {@code BLOCKED}, the await point; else null
 */
public record EventInfo(long seq, long t, long task, TaskState state, Integer point) {}
