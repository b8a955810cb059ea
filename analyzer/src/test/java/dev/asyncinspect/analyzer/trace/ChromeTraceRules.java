package dev.asyncinspect.analyzer.trace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Chrome trace event file (the JSON that Perfetto and {@code chrome://tracing} open)
 * against the format's rules and the stricter reading of Perfetto's legacy JSON importer, and reads
 * back its slices and flow arrows so that a test can check what it shows.
 *
 * <p>Rules: valid JSON; an object whose keys are {@code displayTimeUnit} ({@code ms} or {@code
 * ns}), {@code otherData}, {@code metadata}, {@code systemTraceEvents} and {@code traceEvents} (the
 * importer stops at any other key), {@code displayTimeUnit} first; each event an object that starts
 * with {@code ph} then {@code ts} (but {@code M}), with integer {@code pid} and {@code tid}, a
 * non-negative {@code ts}, no array and no control character; per track (a thread for {@code
 * B/E/X}, {@code pid/cat/id} for {@code b/e/n}) timestamps that never go back; {@code B}/{@code E}
 * and {@code b}/{@code e} matched like brackets, names equal; {@code X} slices with a duration and
 * perfectly nested; flow ids paired: v2 ({@code bind_id} on a slice) one tail {@code flow_out}
 * before one head {@code flow_in}, v1 one {@code s} before one {@code f}, each inside a slice of
 * its thread; a name for the process and for every thread with slices.
 */
public final class ChromeTraceRules {
  private static final Set<String> TOP_KEYS =
      Set.of("displayTimeUnit", "otherData", "metadata", "systemTraceEvents", "traceEvents");
  private static final String PHASES = "BEXbensftiIMC";

  /** A slice as a viewer shows it; {@code end} is null while open. */
  public static final class Slice {
    public final String track;
    public final String ph;
    public final String name;
    public final String cat;
    public final BigDecimal start;
    public BigDecimal end;
    public final JsonNode args;
    public final Slice parent;

    Slice(String track, JsonNode event, BigDecimal start, Slice parent) {
      this.track = track;
      this.ph = event.path("ph").asText();
      this.name = event.path("name").asText();
      this.cat = event.path("cat").asText(null);
      this.start = start;
      this.args = event.path("args");
      this.parent = parent;
    }

    /** The {@code task} argument of this slice or of the nearest enclosing slice that has one. */
    public String task() {
      for (Slice slice = this; slice != null; slice = slice.parent) {
        if (slice.args.has("task")) {
          return slice.args.path("task").asText();
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return name + " [" + start + ", " + end + "] on " + track;
    }
  }

  /** A flow arrow between two slices. */
  public record Flow(String id, Slice from, Slice to) {}

  private final List<String> violations = new ArrayList<>();
  private final List<Slice> slices = new ArrayList<>();
  private final List<Flow> flows = new ArrayList<>();
  private final Map<String, BigDecimal> lastTs = new HashMap<>();
  private final Map<String, Deque<Slice>> stacks = new HashMap<>();
  private final Map<String, Slice> flowTails = new HashMap<>();
  private final Set<String> flowHeads = new HashSet<>();
  private final Map<String, Slice> v1Tails = new HashMap<>();
  private final Set<String> namedThreads = new HashSet<>();
  private final Set<String> threadsWithSlices = new HashSet<>();
  private final Set<Long> namedProcesses = new HashSet<>();
  private final Set<Long> processes = new HashSet<>();
  private JsonNode root;

  private ChromeTraceRules() {}

  /** Checks a trace file's text; never throws for a bad file, lists what is wrong instead. */
  public static ChromeTraceRules check(String text) {
    ChromeTraceRules rules = new ChromeTraceRules();
    rules.read(text);
    return rules;
  }

  /** What breaks the rules, one line each; empty for a good file. */
  public List<String> violations() {
    return violations;
  }

  /** Every slice, in the order they begin in the file. */
  public List<Slice> slices() {
    return slices;
  }

  public List<Flow> flows() {
    return flows;
  }

  /** The whole document, for checks of its metadata. */
  public JsonNode root() {
    return root;
  }

  private void read(String text) {
    try {
      root =
          new ObjectMapper()
              .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .readTree(text);
    } catch (IOException e) {
      violations.add("not valid JSON: " + e.getMessage());
      return;
    }
    if (root == null || !root.isObject()) {
      violations.add("not a JSON object");
      return;
    }
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      if (!TOP_KEYS.contains(key)) {
        violations.add("top-level key " + key + " stops Perfetto's importer");
      }
    }
    if (root.has("displayTimeUnit")) {
      String unit = root.path("displayTimeUnit").asText();
      if (!unit.equals("ms") && !unit.equals("ns")) {
        violations.add("displayTimeUnit " + unit + " is neither ms nor ns");
      }
      if (!keys.get(0).equals("displayTimeUnit")) {
        violations.add("displayTimeUnit is not the first key");
      }
    }
    JsonNode events = root.path("traceEvents");
    if (!events.isArray()) {
      violations.add("no traceEvents array");
      return;
    }
    for (int i = 0; i < events.size(); i++) {
      event(i, events.get(i));
    }
    finish();
  }

  private void event(int index, JsonNode event) {
    String where = "event " + index + " " + event;
    if (!event.isObject()) {
      violations.add(where + ": not an object");
      return;
    }
    String ph = event.path("ph").asText("");
    if (ph.length() != 1 || PHASES.indexOf(ph.charAt(0)) < 0) {
      violations.add(where + ": unknown ph");
      return;
    }
    Iterator<String> names = event.fieldNames();
    if (!names.next().equals("ph") || (!ph.equals("M") && !names.next().equals("ts"))) {
      violations.add(where + ": does not start with ph, ts");
    }
    if (!event.path("pid").canConvertToLong() || !event.path("pid").isIntegralNumber()) {
      violations.add(where + ": pid is not an integer");
    }
    if (!event.path("tid").isIntegralNumber()) {
      violations.add(where + ": tid is not an integer");
    }
    noArraysOrControls(where, event);
    long pid = event.path("pid").asLong();
    processes.add(pid);
    if (ph.equals("M")) {
      metadata(where, event, pid);
      return;
    }
    if (!event.path("ts").isNumber() || event.path("ts").decimalValue().signum() < 0) {
      violations.add(where + ": ts is not a non-negative number");
      return;
    }
    BigDecimal ts = event.path("ts").decimalValue();
    boolean async = "ben".contains(ph);
    String track =
        async
            ? "async " + pid + "/" + event.path("cat").asText() + "/" + event.path("id").asText()
            : "thread " + pid + "/" + event.path("tid").asLong();
    if (async && !event.has("id")) {
      violations.add(where + ": async event without id");
    }
    BigDecimal last = lastTs.put(track, ts);
    if (last != null && ts.compareTo(last) < 0) {
      violations.add(where + ": time goes back on " + track + " (after " + last + ")");
    }
    if (!async) {
      threadsWithSlices.add(pid + "/" + event.path("tid").asLong());
    }
    Deque<Slice> stack = stacks.computeIfAbsent(track, key -> new ArrayDeque<>());
    closeCompleteSlices(stack, ts);
    switch (ph) {
      case "B", "b", "n", "X" -> begin(where, event, track, stack, ts, ph);
      case "E", "e" -> end(where, event, track, stack, ts);
      case "s", "t", "f" -> v1Flow(where, event, stack, ph);
      default -> {}
    }
  }

  private void begin(
      String where, JsonNode event, String track, Deque<Slice> stack, BigDecimal ts, String ph) {
    Slice slice = new Slice(track, event, ts, stack.peek());
    slices.add(slice);
    if (ph.equals("X")) {
      if (!event.path("dur").isNumber() || event.path("dur").decimalValue().signum() < 0) {
        violations.add(where + ": X without a non-negative dur");
        return;
      }
      slice.end = ts.add(event.path("dur").decimalValue());
      Slice parent = stack.peek();
      if (parent != null && parent.end != null && slice.end.compareTo(parent.end) > 0) {
        violations.add(where + ": X sticks out of " + parent);
      }
    }
    if (ph.equals("n")) {
      slice.end = ts;
    } else {
      stack.push(slice);
    }
    v2Flow(where, event, slice);
  }

  private void end(String where, JsonNode event, String track, Deque<Slice> stack, BigDecimal ts) {
    Slice open = stack.peek();
    if (open == null || open.end != null) {
      violations.add(where + ": end with no open slice on " + track);
      return;
    }
    if (event.has("name") && !event.path("name").asText().equals(open.name)) {
      violations.add(where + ": ends " + open + " under another name");
    }
    open.end = ts;
    stack.pop();
  }

  /** Complete (X) slices close by themselves: pops those that ended by {@code ts}. */
  private static void closeCompleteSlices(Deque<Slice> stack, BigDecimal ts) {
    while (!stack.isEmpty() && stack.peek().ph.equals("X") && stack.peek().end.compareTo(ts) <= 0) {
      stack.pop();
    }
  }

  private void v2Flow(String where, JsonNode event, Slice slice) {
    if (!event.has("bind_id")) {
      return;
    }
    String id = event.path("bind_id").asText();
    boolean out = event.path("flow_out").asBoolean(false);
    boolean in = event.path("flow_in").asBoolean(false);
    if (out == in) {
      violations.add(where + ": bind_id " + id + " must be either flow_out or flow_in");
    } else if (out) {
      if (flowTails.put(id, slice) != null) {
        violations.add(where + ": second tail of flow " + id);
      }
    } else {
      Slice tail = flowTails.get(id);
      if (tail == null) {
        violations.add(where + ": head of flow " + id + " before its tail");
      } else if (!flowHeads.add(id)) {
        violations.add(where + ": second head of flow " + id);
      } else {
        flows.add(new Flow(id, tail, slice));
      }
    }
  }

  private void v1Flow(String where, JsonNode event, Deque<Slice> stack, String ph) {
    String id =
        event.path("cat").asText()
            + "/"
            + event.path("name").asText()
            + "/"
            + event.path("id").asText();
    if (stack.isEmpty()) {
      violations.add(where + ": flow event outside any slice of its thread");
      return;
    }
    if (ph.equals("s")) {
      if (v1Tails.put(id, stack.peek()) != null) {
        violations.add(where + ": second start of flow " + id);
      }
    } else if (ph.equals("f")) {
      Slice tail = v1Tails.get(id);
      if (tail == null || !flowHeads.add("v1 " + id)) {
        violations.add(where + ": finish of flow " + id + " without one start before it");
      } else {
        flows.add(new Flow(id, tail, stack.peek()));
      }
    }
  }

  private void metadata(String where, JsonNode event, long pid) {
    String name = event.path("name").asText();
    if (name.endsWith("_name") && !event.path("args").path("name").isTextual()) {
      violations.add(where + ": " + name + " without args.name");
    }
    if (name.equals("process_name")) {
      namedProcesses.add(pid);
    } else if (name.equals("thread_name")) {
      namedThreads.add(pid + "/" + event.path("tid").asLong());
    }
  }

  private void noArraysOrControls(String where, JsonNode node) {
    if (node.isArray()) {
      violations.add(where + ": holds an array");
    } else if (node.isTextual()) {
      for (char c : node.asText().toCharArray()) {
        if (c < 0x20 || c == 0x7f) {
          violations.add(where + ": control character in " + node);
          return;
        }
      }
    } else if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> noArraysOrControls(where, TextNode.valueOf(name)));
      node.elements().forEachRemaining(child -> noArraysOrControls(where, child));
    }
  }

  private void finish() {
    stacks.forEach(
        (track, stack) -> {
          for (Slice open : stack) {
            if (open.end == null) {
              violations.add("never ended: " + open);
            }
          }
        });
    for (String id : flowTails.keySet()) {
      if (!flowHeads.contains(id)) {
        violations.add("flow " + id + " has no head");
      }
    }
    for (String id : v1Tails.keySet()) {
      if (!flowHeads.contains("v1 " + id)) {
        violations.add("flow " + id + " has no finish");
      }
    }
    for (String thread : threadsWithSlices) {
      if (!namedThreads.contains(thread)) {
        violations.add("thread " + thread + " has no thread_name");
      }
    }
    for (long pid : processes) {
      if (!namedProcesses.contains(pid)) {
        violations.add("process " + pid + " has no process_name");
      }
    }
  }
}
