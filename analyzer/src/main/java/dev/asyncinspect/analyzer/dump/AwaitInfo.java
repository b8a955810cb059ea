package dev.asyncinspect.analyzer.dump;

/**
 * What a {@code BLOCKED} task waits at ({@code task.await}).
 *
 * @param point the await-point id
 * @param object the id of the object waited on; null for waits on nothing ({@code Thread.sleep})
 * @param since when the wait began
 */
public record AwaitInfo(int point, Integer object, long since) {}
