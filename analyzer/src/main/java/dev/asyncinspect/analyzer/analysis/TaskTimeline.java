package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.List;

/**
 * One task's life on the {@link Timeline}: its interval and its state segments, contiguous and in
 * time order. Times are nanoseconds on the dump clock.
 *
 * @param task the task record
 * @param start where the timeline of the task begins: its start, or, when the events of its
 *     beginning were dropped from the bounded history ({@link #truncated}), its first known state
 *     change
 * @param end its end, or the dump's moment for a live task ({@link #open})
 * @param truncated whether states before {@code start} (or, when there are no segments, during the
 *     whole interval) are unknown because the history no longer holds them
 * @param open whether the task was still live at the dump's moment, so that {@code end} is not its
 *     end
 * @param segments the known state segments, from {@code start} to {@code end}; empty when the dump
 *     holds none of the task's state changes and the task has ended
 */
public record TaskTimeline(
    TaskInfo task,
    long start,
    long end,
    boolean truncated,
    boolean open,
    List<StateSegment> segments) {

  public TaskTimeline {
    segments = List.copyOf(segments);
  }

  public long id() {
    return task.id();
  }

  public String name() {
    return task.name();
  }

  /** How long the timeline of the task lasts; never negative. */
  public long duration() {
    return Math.max(0, end - start);
  }
}
