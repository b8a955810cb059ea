package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.List;

/**
 * A failed task with its async stack trace, found by {@link Failures}.
 *
 * @param task the {@code FAILED} task; its {@link TaskInfo#error()} is the exception (null when the
 *     agent recorded none)
 * @param asyncStack the task itself, then its parent, its parent's parent, ... up to {@link
 *     Failures#MAX_FRAMES} frames
 * @param framesOmitted how many more parent tasks the chain has beyond {@code asyncStack}
 * @param failedChild the child task that failed before it (the failure it most likely passed on),
 *     or null when it has none: then this task is where a failure began
 */
public record Failure(
    TaskInfo task, List<AsyncFrame> asyncStack, int framesOmitted, Long failedChild) {

  public Failure {
    asyncStack = List.copyOf(asyncStack);
  }

  /** Whether the failure began in this task, rather than in a child that failed first. */
  public boolean origin() {
    return failedChild == null;
  }
}
