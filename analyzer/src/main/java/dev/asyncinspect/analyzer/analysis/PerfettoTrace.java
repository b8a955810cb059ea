package dev.asyncinspect.analyzer.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.Header;
import dev.asyncinspect.analyzer.dump.ThreadInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Timeline} in the Chrome trace event format (JSON), which Perfetto ({@code
 * ui.perfetto.dev}) and {@code chrome://tracing} open. One process, the traced JVM; a track per
 * thread that ran traced code, with a slice for each stretch a task ran there and, nested, a slice
 * for each wait, named by operation and location, with the object waited on in its arguments; an
 * async track per task for its stretches without a thread (suspended, queued, or on a worker thread
 * the dump does not name), with a nested slice per state; flow arrows parent → child and waiter →
 * the task that would release it; process and thread names.
 *
 * <p>Written for the strictest reader, Perfetto's legacy JSON importer: times in microseconds with
 * nanosecond decimals ({@code displayTimeUnit} {@code ms}, which only sets the display); top-level
 * keys {@code displayTimeUnit}, {@code otherData} and {@code traceEvents} only, in that order;
 * events that open with {@code ph} and {@code ts}, hold no arrays and no control characters; one
 * event per line. Slices on a thread are {@code B}/{@code E} pairs nested by construction (see
 * {@link ThreadTrack}); async ones {@code b}/{@code e} pairs per task id; every flow id has exactly
 * one tail ({@code flow_out}) and one head ({@code flow_in}), the tail first.
 */
public final class PerfettoTrace {
  private static final JsonFactory JSON = new JsonFactory();

  private PerfettoTrace() {}

  /** The trace as text. */
  public static String text(Timeline timeline) {
    StringWriter text = new StringWriter();
    try {
      write(timeline, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /** Writes the trace, ending with a newline; leaves {@code out} open. */
  public static void write(Timeline timeline, Writer out) throws IOException {
    TraceLayout layout = new TraceLayout(timeline);
    List<TraceEvent> events = new ArrayList<>(names(timeline.dump(), layout));
    events.addAll(layout.events());
    JsonGenerator json = JSON.createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setPrettyPrinter(new EventPerLine());
    json.writeStartObject();
    json.writeStringField("displayTimeUnit", "ms");
    json.writeFieldName("otherData");
    writeMap(json, otherData(timeline));
    json.writeFieldName("traceEvents");
    json.writeStartArray();
    for (TraceEvent event : events) {
      writeMap(json, event.toMap());
    }
    json.writeEndArray();
    json.writeEndObject();
    json.close();
    out.write("\n");
    out.flush();
  }

  /** Compact JSON but for the one array, the events: one a line, so that a file is readable. */
  private static final class EventPerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeStartArray(JsonGenerator json) throws IOException {
      json.writeRaw("[\n");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
      json.writeRaw(",\n");
    }

    @Override
    public void writeEndArray(JsonGenerator json, int values) throws IOException {
      json.writeRaw(values > 0 ? "\n]" : "]");
    }
  }

  private static List<TraceEvent> names(Dump dump, TraceLayout layout) {
    long pid = dump.header().pid();
    List<TraceEvent> names = new ArrayList<>();
    String main = dump.header().mainClass();
    names.add(name("process_name", pid, pid, (main == null ? "JVM" : main) + " (pid " + pid + ")"));
    for (long tid : layout.threadIds()) {
      names.add(name("thread_name", pid, tid, threadName(dump, tid)));
    }
    return names;
  }

  private static TraceEvent name(String kind, long pid, long tid, String value) {
    return new TraceEvent(
        'M', 0, pid, tid, null, kind, null, 0, false, () -> Map.of("name", value));
  }

  /** {@code main}, {@code virtual #33} for an unnamed virtual thread, {@code thread 99} unknown. */
  static String threadName(Dump dump, long tid) {
    ThreadInfo thread = dump.thread(tid).orElse(null);
    if (thread == null) {
      return "thread " + tid;
    }
    if (thread.name().isEmpty()) {
      return (thread.virtual() ? "virtual #" : "thread ") + tid;
    }
    return thread.name();
  }

  private static Map<String, Object> otherData(Timeline timeline) {
    Header header = timeline.dump().header();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", "async-inspect");
    data.put("dump", String.valueOf(timeline.dump().source().getFileName()));
    data.put("pid", header.pid());
    if (header.mainClass() != null) {
      data.put("mainClass", header.mainClass());
    }
    data.put("jvm", header.jvmDescription());
    data.put("startTime", header.startTime());
    data.put("dumpTime", header.dumpTime());
    data.put("reason", header.reason());
    data.put("tasks", timeline.tasks().size());
    data.put("historyComplete", timeline.historyComplete());
    Map<String, Object> clean = new LinkedHashMap<>();
    data.forEach((key, value) -> clean.put(key, TraceText.cleanValue(value)));
    return clean;
  }

  private static void writeMap(JsonGenerator json, Map<String, Object> map) throws IOException {
    json.writeStartObject();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      json.writeFieldName(entry.getKey());
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) nested;
        writeMap(json, object);
      } else if (value instanceof BigDecimal decimal) {
        json.writeNumber(decimal);
      } else if (value instanceof Long number) {
        json.writeNumber(number);
      } else if (value instanceof Integer number) {
        json.writeNumber(number);
      } else if (value instanceof Boolean flag) {
        json.writeBoolean(flag);
      } else {
        json.writeString(String.valueOf(value));
      }
    }
    json.writeEndObject();
  }
}
