package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pinned-virtual-thread lint's findings as a JSON-ready list. */
public final class PinnedThreadsJson {
  private PinnedThreadsJson() {}

  public static List<Map<String, Object>> view(List<PinnedThreads.Pin> pins) {
    List<Map<String, Object>> views = new ArrayList<>();
    for (PinnedThreads.Pin pin : pins) {
      views.add(
          new JsonView()
              .put("task", pin.task())
              .put("thread", pin.thread())
              .put("durationNanos", pin.durationNanos())
              .put("location", pin.location())
              .toMap());
    }
    return views;
  }
}
