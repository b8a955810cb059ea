package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link Timeline} as a JSON-ready tree: each task's interval and segments (times in nanoseconds
 * on the dump clock), then the relations.
 */
public final class TimelineJson {
  private TimelineJson() {}

  /** The whole timeline as one tree; see {@link #header}, {@link #task}, {@link #relation}. */
  public static Map<String, Object> view(Timeline timeline) {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (TaskTimeline task : timeline.tasks()) {
      tasks.add(task(task));
    }
    List<Map<String, Object>> relations = new ArrayList<>();
    for (TaskRelation relation : timeline.relations()) {
      relations.add(relation(relation));
    }
    Map<String, Object> view = header(timeline);
    view.put("tasks", tasks);
    view.put("relations", relations);
    return view;
  }

  /**
   * The fields before {@code tasks} and {@code relations}: a writer that streams a large timeline
   * writes these, then each task and relation as it goes.
   */
  public static Map<String, Object> header(Timeline timeline) {
    return new JsonView()
        .put("start", timeline.start())
        .put("end", timeline.end())
        .put("historyComplete", timeline.historyComplete())
        .toMap();
  }

  /** One task: its interval, flags and segments. */
  public static Map<String, Object> task(TaskTimeline task) {
    List<Map<String, Object>> segments = new ArrayList<>();
    for (StateSegment segment : task.segments()) {
      JsonView view =
          new JsonView()
              .put("state", segment.state().name())
              .put("start", segment.start())
              .put("end", segment.end())
              .put("thread", segment.thread());
      TimelineAwait await = segment.await();
      if (await != null) {
        view.put(
            "await",
            new JsonView()
                .put("point", await.pointId())
                .put("location", await.location())
                .put("operation", await.operation())
                .put("object", await.object() == null ? null : await.object().id())
                .put("objectLabel", await.objectLabel())
                .toMap());
      }
      segments.add(view.toMap());
    }
    return new JsonView()
        .put("id", task.id())
        .put("name", task.name())
        .put("start", task.start())
        .put("end", task.end())
        .put("truncated", task.truncated())
        .put("open", task.open())
        .put("segments", segments)
        .toMap();
  }

  /** One relation. */
  public static Map<String, Object> relation(TaskRelation relation) {
    return new JsonView()
        .put("kind", relation.kind().name())
        .put("from", relation.from())
        .put("to", relation.to())
        .put("at", relation.at())
        .put("object", relation.object())
        .toMap();
  }
}
