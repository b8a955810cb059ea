package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.util.List;

/**
 * The tasks of a dump as they were at one moment of its event history, made by {@link
 * ReplayFrames}.
 *
 * @param dump the tasks whose state at that moment is known, with the objects as they can be told
 *     then; its {@code dumpNanos} is the moment, so that times in state are counted to it. It has
 *     no events (see {@link ReplayHistory#eventsOf}) and no JVM deadlocks (taken at dump time
 *     only).
 * @param unknown the tasks that had started by then but whose state then the dump cannot tell: the
 *     events that would say were dropped from its bounded history; their records as in the dump
 * @param position the position in the history, 1 to {@code size}: after the event of that number
 * @param size how many events the history has
 * @param time the moment, on the dump clock: the event's time, or later while playing
 */
record ReplayFrame(Dump dump, List<TaskInfo> unknown, int position, int size, long time) {
  ReplayFrame {
    unknown = List.copyOf(unknown);
  }
}
