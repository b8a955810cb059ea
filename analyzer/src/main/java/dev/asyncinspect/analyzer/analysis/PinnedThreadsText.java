package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.List;

/** The text of the pinned-virtual-thread lint, for {@code analyze}. */
public final class PinnedThreadsText {

  public static List<String> render(Dump dump, List<PinnedThreads.Pin> pins, boolean color) {
    List<String> lines = new ArrayList<>();
    if (pins.isEmpty()) {
      return lines;
    }
    lines.add(
        Ansi.style(color, Ansi.YELLOW, "PINNED")
            + "  "
            + pins.size()
            + (pins.size() == 1 ? " block" : " blocks")
            + " of a virtual thread pinned to its carrier");
    for (PinnedThreads.Pin pin : pins) {
      String task = pin.task() == null ? "a task not recorded" : Names.task(dump, pin.task());
      lines.addAll(
          LineWrap.wrap(
              "  "
                  + task
                  + "  pinned "
                  + DurationFormat.format(pin.durationNanos())
                  + " at "
                  + pin.location()
                  + " (virtual thread "
                  + pin.thread()
                  + ")",
              LineWrap.WIDTH));
    }
    lines.addAll(
        LineWrap.wrap(
            "  a pinned virtual thread holds its carrier while it blocks: move the blocking call"
                + " out of class initializers, native frames (and, before JDK 24, synchronized)",
            LineWrap.WIDTH));
    return lines;
  }

  private PinnedThreadsText() {}
}
