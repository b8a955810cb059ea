package dev.asyncinspect.cli;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import dev.asyncinspect.analyzer.dump.TaskState;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The task table of the monitor, fitted to the terminal's width: id, state and time in state keep
 * their width; name, await point and thread share the rest (in 80 columns: 22, 20 and 10). Names
 * are cut at the end, await points at the start, so that the line number stays visible.
 */
final class MonitorTable {
  private static final int ID = 6;
  private static final int STATE = 9;
  private static final int TIME = 8;
  private static final int SEPARATORS = 5;
  private static final Pattern WHOLE_LINE = Pattern.compile(".+");

  private final Dump dump;
  private final int columns;
  private final long stuckThresholdNanos;
  private final int name;
  private final int await;
  private final int thread;

  MonitorTable(Dump dump, int columns, long stuckThresholdNanos) {
    this.dump = dump;
    this.columns = columns;
    this.stuckThresholdNanos = stuckThresholdNanos;
    int rest = Math.max(12, columns - ID - STATE - TIME - SEPARATORS);
    this.await = rest * 4 / 10;
    this.thread = rest * 2 / 10;
    this.name = rest - await - thread;
  }

  AttributedString heading() {
    String text = plainRow("ID", "NAME", "STATE", "IN STATE", "AWAIT AT", "THREAD");
    return new AttributedString(Fit.cut(text, columns).stripTrailing(), AttributedStyle.BOLD);
  }

  /** A row of plain text: each column padded to its width, the id right-aligned. */
  private String plainRow(
      String id, String taskName, String state, String time, String awaitAt, String threadName) {
    return Fit.padLeft(id, ID)
        + " "
        + Fit.pad(taskName, name)
        + " "
        + Fit.pad(state, STATE)
        + " "
        + Fit.padLeft(time, TIME)
        + " "
        + Fit.pad(awaitAt, await)
        + " "
        + Fit.pad(threadName, thread);
  }

  AttributedString row(TaskInfo task, boolean selected) {
    AttributedStringBuilder line = new AttributedStringBuilder();
    line.append(Fit.padLeft("#" + task.id(), ID)).append(' ');
    line.append(Fit.pad(task.name(), name)).append(' ');
    line.style(stateStyle(task.state())).append(Fit.pad(task.state().name(), STATE));
    line.style(AttributedStyle.DEFAULT).append(' ');
    boolean stuck = MonitorView.stuck(dump, task, stuckThresholdNanos);
    line.style(
        stuck ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT);
    line.append(Fit.padLeft(DurationFormat.format(dump.timeInState(task)), TIME));
    line.style(AttributedStyle.DEFAULT).append(' ');
    line.append(Fit.pad(Fit.cutLeft(MonitorRows.awaitAt(dump, task), await), await)).append(' ');
    line.append(Fit.pad(MonitorRows.threadName(dump, task), thread));
    AttributedString full = line.toAttributedString();
    // No trailing blanks: the line ends where its text does (and compares plainly in tests).
    int end = Math.min(columns, full.toString().stripTrailing().length());
    AttributedString text = full.columnSubSequence(0, end);
    if (!selected) {
      return text;
    }
    return text.styleMatches(WHOLE_LINE, AttributedStyle.INVERSE);
  }

  /**
   * The row of a task whose state at the replayed moment is not known: {@code ?} for what the dump
   * cannot tell.
   */
  AttributedString unknownRow(TaskInfo task, boolean selected) {
    String text = plainRow("#" + task.id(), task.name(), "?", "?", "?", "?");
    AttributedString line = new AttributedString(Fit.cut(text, columns).stripTrailing());
    return selected ? line.styleMatches(WHOLE_LINE, AttributedStyle.INVERSE) : line;
  }

  private static AttributedStyle stateStyle(TaskState state) {
    return switch (state) {
      case RUNNING -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
      case BLOCKED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
      case SUSPENDED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
      case QUEUED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
      default -> AttributedStyle.DEFAULT;
    };
  }
}
