package dev.asyncinspect.analyzer.analysis;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One event of a Chrome trace event file, as {@link PerfettoTrace} writes it: {@code B}/{@code E}
 * (a slice on a thread), {@code b}/{@code e}/{@code n} (a slice or instant on an async track) or
 * {@code M} (a name). Flow arrows ride on slices ({@code bind_id} with {@code flow_out} at the
 * tail, {@code flow_in} at the head), which binds them to exactly that slice, on thread and async
 * tracks alike.
 *
 * @param ph the phase
 * @param ts the time in nanoseconds on the dump clock; written in microseconds; unused for {@code
 *     M}
 * @param pid the process id
 * @param tid the thread id
 * @param cat the category, or null
 * @param name the name
 * @param id async events: the track's id; else null
 * @param bindId the flow this slice is an end of, or 0
 * @param flowOut whether the flow leaves this slice (else it arrives)
 * @param args makes the arguments when the event is written (so that a large trace does not hold
 *     them all at once), or null
 */
record TraceEvent(
    char ph,
    long ts,
    long pid,
    long tid,
    String cat,
    String name,
    String id,
    long bindId,
    boolean flowOut,
    Supplier<Map<String, Object>> args) {

  static TraceEvent slice(char ph, long ts, long pid, long tid, String cat, String name) {
    return new TraceEvent(ph, ts, pid, tid, cat, name, null, 0, false, null);
  }

  TraceEvent withId(String trackId) {
    return new TraceEvent(ph, ts, pid, tid, cat, name, trackId, bindId, flowOut, args);
  }

  TraceEvent withArgs(Supplier<Map<String, Object>> values) {
    return new TraceEvent(ph, ts, pid, tid, cat, name, id, bindId, flowOut, values);
  }

  TraceEvent withFlow(long flow, boolean out) {
    return new TraceEvent(ph, ts, pid, tid, cat, name, id, flow, out, args);
  }

  /**
   * The event as a JSON-ready map. {@code ph} and {@code ts} come first and no value is an array:
   * Perfetto's importer scans each event for {@code ts} before it parses it, and that scan stops at
   * an array.
   */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("ph", String.valueOf(ph));
    if (ph != 'M') {
      map.put("ts", micros(ts));
    }
    map.put("pid", pid);
    map.put("tid", tid);
    if (cat != null) {
      map.put("cat", cat);
    }
    map.put("name", TraceText.clean(name));
    if (id != null) {
      map.put("id", id);
    }
    if (bindId != 0) {
      map.put("bind_id", bindId);
      map.put(flowOut ? "flow_out" : "flow_in", true);
    }
    Map<String, Object> values = args == null ? null : args.get();
    if (values != null && !values.isEmpty()) {
      Map<String, Object> clean = new LinkedHashMap<>();
      values.forEach((key, value) -> clean.put(key, TraceText.cleanValue(value)));
      map.put("args", clean);
    }
    return map;
  }

  /** Nanoseconds as exact decimal microseconds, as the format wants: {@code 1234.567}. */
  static BigDecimal micros(long nanos) {
    return BigDecimal.valueOf(nanos, 3);
  }
}
