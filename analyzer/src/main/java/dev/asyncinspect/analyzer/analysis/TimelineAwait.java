package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;
import dev.asyncinspect.analyzer.dump.ObjectInfo;

/**
 * Where a {@code BLOCKED} {@link StateSegment} waited, and on what.
 *
 * <p>The await point of every wait is in the event history; the object waited on only for the wait
 * a task is in at the dump's moment (the dump records no objects for past waits).
 *
 * @param pointId the await-point id
 * @param point the await point, or null when the dump lacks it
 * @param object the object waited on, or null when unknown or when the wait is on nothing ({@code
 *     Thread.sleep})
 */
public record TimelineAwait(int pointId, AwaitPointInfo point, ObjectInfo object) {

  /** {@code File.java:line}, with {@code ?} for an unknown part. */
  public String location() {
    return point == null ? "?:?" : point.location();
  }

  /** What is called, e.g. {@code CompletableFuture.join}; {@code ?} when the point is unknown. */
  public String operation() {
    return point == null ? "?" : point.operation();
  }

  /** The object as {@code CompletableFuture@5e9f23b4}, or null when unknown. */
  public String objectLabel() {
    return object == null ? null : object.label();
  }
}
