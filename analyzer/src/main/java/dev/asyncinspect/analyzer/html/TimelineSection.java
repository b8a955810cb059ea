package dev.asyncinspect.analyzer.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.asyncinspect.analyzer.analysis.StateSegment;
import dev.asyncinspect.analyzer.analysis.TaskRelation;
import dev.asyncinspect.analyzer.analysis.TaskTimeline;
import dev.asyncinspect.analyzer.analysis.Timeline;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.ThreadInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The zoomable timeline of the tasks: the {@link Timeline} written as the page's JSON data, which
 * the page's script draws (one row per task, a bar per state segment, arrows from waiters to the
 * tasks they wait for) and redraws on zoom and pan.
 *
 * <p>At most {@link #MAX_TASKS} rows: the deadlocked and stuck tasks, then the others in start
 * order; at most {@link #MAX_SEGMENTS} segments a task, the last ones (which end in the state the
 * task is in at the dump), so that a task looping over an await point does not swell the page.
 * Times in the data are nanoseconds from the timeline's start.
 */
final class TimelineSection {
  static final int MAX_TASKS = 2_000;
  static final int MAX_SEGMENTS = 1_000;
  private static final JsonFactory JSON = new JsonFactory();

  private TimelineSection() {}

  static void write(Page page, Timeline timeline, Set<Long> deadlocked, Set<Long> stuck) {
    page.raw("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    page.raw(
        "<div class=\"timeline-controls\"><button type=\"button\" id=\"zoom-in\">zoom in</button>"
            + "<button type=\"button\" id=\"zoom-out\">zoom out</button>"
            + "<button type=\"button\" id=\"zoom-reset\">whole run</button>"
            + "<span class=\"note\" id=\"timeline-range\"></span></div>\n");
    page.raw(
        "<div class=\"legend\"><span><i class=\"RUNNING\"></i>running</span>"
            + "<span><i class=\"BLOCKED\"></i>blocked at an await point</span>"
            + "<span><i class=\"SUSPENDED\"></i>suspended (returned, future incomplete)</span>"
            + "<span><i class=\"QUEUED\"></i>queued</span></div>\n");
    page.element(
        "p",
        "note",
        "Wheel or buttons to zoom, drag to pan; hover a bar for its details. Deadlocked tasks in"
            + " red; arrows from a waiter to the task it waits for."
            + (timeline.historyComplete()
                ? ""
                : " The dump no longer holds the whole event history: tasks marked … began"
                    + " earlier than shown."));
    page.raw(
        "<div id=\"timeline-view\"><noscript>The timeline needs JavaScript.</noscript></div>\n");
    page.raw("<script type=\"application/json\" id=\"timeline-data\">")
        .raw(Html.json(data(timeline, deadlocked, stuck)))
        .raw("</script>\n</section>\n");
  }

  static String data(Timeline timeline, Set<Long> deadlocked, Set<Long> stuck) {
    List<TaskTimeline> shown = shown(timeline, deadlocked, stuck);
    Set<Long> ids = new HashSet<>();
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      long origin = timeline.start();
      json.writeStartObject();
      json.writeNumberField("span", Math.max(1, timeline.end() - origin));
      json.writeNumberField("omitted", timeline.tasks().size() - shown.size());
      json.writeArrayFieldStart("tasks");
      for (TaskTimeline task : shown) {
        ids.add(task.id());
        json.writeStartObject();
        json.writeNumberField("id", task.id());
        json.writeStringField("name", task.name());
        json.writeStringField("kind", task.task().kind().toString());
        json.writeStringField("state", task.task().state().toString());
        json.writeBooleanField("deadlocked", deadlocked.contains(task.id()));
        json.writeBooleanField("stuck", stuck.contains(task.id()));
        json.writeBooleanField("truncated", task.truncated());
        json.writeBooleanField("open", task.open());
        json.writeNumberField("start", task.start() - origin);
        json.writeNumberField("end", task.end() - origin);
        json.writeArrayFieldStart("segments");
        for (StateSegment segment :
            task.segments()
                .subList(
                    Math.max(0, task.segments().size() - MAX_SEGMENTS), task.segments().size())) {
          json.writeStartArray();
          json.writeString(segment.state().toString());
          json.writeNumber(segment.start() - origin);
          json.writeNumber(segment.end() - origin);
          json.writeString(detail(timeline.dump(), segment));
          json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("waits");
      for (TaskRelation relation : timeline.relations()) {
        if (relation.kind() == TaskRelation.Kind.WAITS_FOR
            && ids.contains(relation.from())
            && ids.contains(relation.to())) {
          json.writeStartArray();
          json.writeNumber(relation.from());
          json.writeNumber(relation.to());
          json.writeNumber(relation.at() - origin);
          json.writeEndArray();
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /** The deadlocked and stuck tasks first, then the others, in start order, up to the limit. */
  private static List<TaskTimeline> shown(
      Timeline timeline, Set<Long> deadlocked, Set<Long> stuck) {
    if (timeline.tasks().size() <= MAX_TASKS) {
      return timeline.tasks();
    }
    Set<Long> keep = new LinkedHashSet<>(deadlocked);
    keep.addAll(stuck);
    for (TaskTimeline task : timeline.tasks()) {
      if (keep.size() >= MAX_TASKS) {
        break;
      }
      keep.add(task.id());
    }
    List<TaskTimeline> shown = new ArrayList<>();
    for (TaskTimeline task : timeline.tasks()) {
      if (keep.contains(task.id())) {
        shown.add(task);
      }
    }
    return shown;
  }

  /**
   * What a segment's tooltip says besides its state and times: where it waited, on which thread.
   */
  private static String detail(Dump dump, StateSegment segment) {
    StringBuilder detail = new StringBuilder();
    if (segment.await() != null) {
      detail.append("at ").append(segment.await().location()).append(' ');
      detail.append(segment.await().operation());
      if (segment.await().objectLabel() != null) {
        detail.append(" on ").append(segment.await().objectLabel());
      }
    }
    if (segment.thread() != null) {
      ThreadInfo thread = dump.thread(segment.thread()).orElse(null);
      detail.append(detail.length() == 0 ? "" : ", ").append("thread ");
      detail.append(thread == null ? "#" + segment.thread() : '"' + thread.name() + '"');
    }
    return detail.toString();
  }
}
