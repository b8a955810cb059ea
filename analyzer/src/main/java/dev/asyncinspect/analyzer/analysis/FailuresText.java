package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ErrorInfo;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The failures as text, one block per failed task, laid out like a Java stack trace whose frames
 * are tasks rather than calls on one thread:
 *
 * <pre>
 * FAILED  #2 FailingChain.chargeCard  after 5.2ms; its child #3 failed first
 *   java.lang.IllegalStateException: out of stock: blue-widget
 *     at FailingChain.chargeCard(FailingChain.java:34)  #2
 *     at FailingChain.placeOrder(FailingChain.java:28)  #1 FAILED, join()
 * </pre>
 *
 * Each frame after the first is the parent task of the one above it, with where it was when that
 * child failed; the await point it was blocked at is named after its state. Lines are wrapped to 80
 * columns; a pure function to lines.
 */
public final class FailuresText {
  private FailuresText() {}

  /** The blocks, separated by blank lines; ANSI colours only when {@code color}. */
  public static List<String> render(Dump dump, List<Failure> failures, boolean color) {
    List<String> lines = new ArrayList<>();
    for (Failure failure : failures) {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      TaskInfo task = failure.task();
      StringBuilder heading = new StringBuilder(Ansi.style(color, Ansi.RED, "FAILED"));
      heading.append("  ").append(Names.task(dump, task.id()));
      if (task.end() != null) {
        heading.append("  after ").append(DurationFormat.format(task.end() - task.start()));
      }
      if (failure.failedChild() != null) {
        heading.append("; its child #").append(failure.failedChild()).append(" failed first");
      }
      LineWrap.add(lines, heading.toString());
      ErrorInfo error = task.error();
      LineWrap.add(lines, "  " + (error == null ? "(no exception recorded)" : error.toString()));
      for (AsyncFrame frame : failure.asyncStack()) {
        LineWrap.add(lines, "    at " + frame(dump, frame, frame.task() == task.id()));
      }
      if (failure.framesOmitted() > 0) {
        lines.add("    ... " + Words.count(failure.framesOmitted(), "more parent task"));
      }
      for (ErrorInfo cause = error == null ? null : error.cause();
          cause != null;
          cause = cause.cause()) {
        LineWrap.add(lines, "  Caused by: " + cause);
      }
    }
    return lines;
  }

  /** {@code FailingChain.placeOrder(FailingChain.java:28) #1 FAILED, join()}. */
  private static String frame(Dump dump, AsyncFrame frame, boolean failedTask) {
    StringBuilder line = new StringBuilder();
    if (frame.className() != null) {
      line.append(Names.simpleName(frame.className())).append('.');
    }
    line.append(frame.method()).append('(').append(frame.location()).append(")  #");
    line.append(frame.task());
    if (!failedTask) {
      dump.task(frame.task()).ifPresent(task -> line.append(' ').append(task.state()));
    }
    if (frame.await() != null) {
      line.append(failedTask ? " " : ", ").append(Names.call(frame.await()));
    }
    if (frame.source() == AsyncFrame.Source.METHOD) {
      line.append(", call site unknown");
    }
    return line.toString();
  }
}
