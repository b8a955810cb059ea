package dev.asyncinspect.analyzer.dump;

import java.io.IOException;

/**
 * Reads a line through a fast path when it is an event or a task in the agent's own shape ({@link
 * EventLine}, {@link TaskLine}); one per dump, as its parsers are reused line by line.
 */
final class FastLines {
  private final EventLine event = new EventLine();
  private final TaskLine task = new TaskLine();

  /**
   * Reads the next line where it lies in the read buffer, if a fast path takes it and it ends there
   * with a plain newline: this spares the search for the newline and the copy of the line, the cost
   * of every other byte of a large dump. False leaves the line unread, for {@link DumpLines#next}
   * and the other paths (a line across the buffer's end, a CR LF, any other record).
   */
  boolean readInPlace(DumpAssembler dump, DumpLines lines) throws IOException {
    if (!lines.bufferNextLine()) {
      return false;
    }
    byte[] buffer = lines.buffer();
    int from = lines.position();
    int limit = lines.limit();
    boolean isEvent = event.parse(buffer, from, limit);
    TaskInfo taskInfo = isEvent ? null : task.parse(buffer, from, limit);
    int end = isEvent ? event.end() : taskInfo != null ? task.end() : limit;
    if (end >= limit || buffer[end] != '\n') {
      return false;
    }
    add(dump, lines.number() + 1, isEvent ? null : taskInfo);
    lines.skipLineReadInPlace(end);
    return true;
  }

  /** Whether the line {@link DumpLines#next} read was read; false for the general path. */
  boolean read(DumpAssembler dump, DumpLines lines, int number) throws DumpFormatException {
    boolean isEvent = event.parse(lines.bytes(), lines.length());
    TaskInfo taskInfo = isEvent ? null : task.parse(lines.bytes(), lines.length());
    if (!isEvent && taskInfo == null) {
      return false;
    }
    add(dump, number, taskInfo);
    return true;
  }

  /** Adds the task, or with none the event just parsed. */
  private void add(DumpAssembler dump, int number, TaskInfo taskInfo) throws DumpFormatException {
    if (dump.ended()) {
      throw new DumpFormatException(dump.file(), number, "a record after the end record");
    }
    if (taskInfo == null) {
      dump.event(event, number);
    } else {
      dump.task(taskInfo, number);
    }
  }
}
