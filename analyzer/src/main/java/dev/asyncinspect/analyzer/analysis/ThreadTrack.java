package dev.asyncinspect.analyzer.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The slices of one thread in a trace, nested and written as {@code B}/{@code E} pairs. A thread
 * runs one thing at a time, so its slices must nest perfectly: a slice that would stick out of the
 * one it starts in (clocks of two tasks that disagree) is cut at that one's end and says so in
 * {@code clipped}. Zero-length <em>anchors</em> hold the ends of flow arrows: each belongs to one
 * slice and comes before any other slice that starts at its time there, so that the tail of an
 * arrow to a nested call sits in the caller.
 *
 * <p>{@code B}/{@code E} rather than complete ({@code X}) events: a reader sorts events of the same
 * time only by their order in the file, which is the order written here, and an {@code E} needs no
 * duration that a reader could round.
 */
final class ThreadTrack {
  private static final Comparator<Slice> BY_START =
      Comparator.comparingLong((Slice s) -> s.start)
          .thenComparing(s -> !s.anchor)
          .thenComparing(Comparator.comparingLong((Slice s) -> s.end).reversed())
          .thenComparingInt(s -> s.order);

  /** A slice of the thread, or an anchor. */
  static final class Slice {
    final long start;
    long end;
    final String cat;
    final String name;
    final Supplier<Map<String, Object>> args;
    final boolean anchor;
    final int order;
    long bindId;
    boolean flowOut;
    boolean clipped;
    final List<Slice> children = new ArrayList<>();

    private Slice(
        long start,
        long end,
        String cat,
        String name,
        Supplier<Map<String, Object>> args,
        boolean anchor,
        int order) {
      this.start = start;
      this.end = Math.max(start, end);
      this.cat = cat;
      this.name = name;
      this.args = args;
      this.anchor = anchor;
      this.order = order;
    }

    /** Makes this slice an end of a flow arrow. */
    void flow(long id, boolean out) {
      bindId = id;
      flowOut = out;
    }
  }

  private final long pid;
  private final long tid;
  private final List<Slice> slices = new ArrayList<>();
  private final List<Slice[]> anchors = new ArrayList<>();
  private int order;

  ThreadTrack(long pid, long tid) {
    this.pid = pid;
    this.tid = tid;
  }

  long tid() {
    return tid;
  }

  Slice add(long start, long end, String cat, String name, Supplier<Map<String, Object>> args) {
    Slice slice = new Slice(start, end, cat, name, args, false, order++);
    slices.add(slice);
    return slice;
  }

  /** A zero-length anchor at {@code ts} in {@code owner}, a slice of this track. */
  Slice anchor(Slice owner, long ts, String name, long flow, boolean out) {
    Slice anchor = new Slice(ts, ts, "flow", name, null, true, order++);
    anchor.flow(flow, out);
    anchors.add(new Slice[] {anchor, owner});
    return anchor;
  }

  /** Appends the thread's events, in time order with proper nesting. */
  void emit(List<TraceEvent> out) {
    List<Slice> roots = nest();
    Deque<Slice> open = new ArrayDeque<>();
    Deque<Integer> next = new ArrayDeque<>();
    for (Slice root : roots) {
      begin(root, out);
      open.push(root);
      next.push(0);
      while (!open.isEmpty()) {
        Slice top = open.peek();
        int index = next.pop();
        if (index < top.children.size()) {
          next.push(index + 1);
          Slice child = top.children.get(index);
          begin(child, out);
          open.push(child);
          next.push(0);
        } else {
          open.pop();
          out.add(TraceEvent.slice('E', top.end, pid, tid, top.cat, top.name));
        }
      }
    }
  }

  private void begin(Slice slice, List<TraceEvent> out) {
    TraceEvent begin =
        TraceEvent.slice('B', slice.start, pid, tid, slice.cat, slice.name)
            .withArgs(slice.clipped ? () -> clipped(slice.args) : slice.args);
    out.add(slice.bindId == 0 ? begin : begin.withFlow(slice.bindId, slice.flowOut));
  }

  /** The slices as a forest, each slice within the one it starts in; anchors in their owners. */
  private List<Slice> nest() {
    List<Slice> sorted = new ArrayList<>(slices);
    sorted.sort(BY_START);
    List<Slice> roots = new ArrayList<>();
    Deque<Slice> stack = new ArrayDeque<>();
    for (Slice slice : sorted) {
      while (!stack.isEmpty()
          && stack.peek().end <= slice.start
          && !contains(stack.peek(), slice)) {
        stack.pop();
      }
      if (stack.isEmpty()) {
        roots.add(slice);
      } else {
        Slice parent = stack.peek();
        if (slice.end > parent.end) {
          slice.end = parent.end;
          slice.clipped = true;
        }
        parent.children.add(slice);
      }
      stack.push(slice);
    }
    for (Slice[] pair : anchors) {
      Slice anchor = pair[0];
      Slice owner = pair[1];
      long ts = Math.min(Math.max(anchor.start, owner.start), owner.end);
      Slice placed = new Slice(ts, ts, anchor.cat, anchor.name, null, true, anchor.order);
      placed.flow(anchor.bindId, anchor.flowOut);
      innermostAt(owner, ts).children.add(placed);
    }
    for (Slice slice : slices) {
      slice.children.sort(BY_START);
    }
    return roots;
  }

  private static Map<String, Object> clipped(Supplier<Map<String, Object>> args) {
    Map<String, Object> values = args == null ? new LinkedHashMap<>() : args.get();
    values.put("clipped", "cut at the end of the enclosing slice");
    return values;
  }

  /**
   * The innermost slice within {@code slice} that is open at {@code ts}: an anchor must go there,
   * or the track's times would run backwards.
   */
  private static Slice innermostAt(Slice slice, long ts) {
    Slice node = slice;
    boolean deeper = true;
    while (deeper) {
      deeper = false;
      for (Slice child : node.children) {
        if (!child.anchor && child.start < ts && ts < child.end) {
          node = child;
          deeper = true;
          break;
        }
      }
    }
    return node;
  }

  /** A zero-length slice at the very end of another that starts there too is inside it. */
  private static boolean contains(Slice outer, Slice inner) {
    return outer.start == inner.start && inner.end <= outer.end;
  }
}
