package dev.asyncinspect.analyzer.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A deterministic left-to-right layered layout, in the manner of Sugiyama et al. (1981), kept
 * simple: each weakly connected component is laid out on its own and the components are stacked top
 * to bottom in the order of their first node.
 *
 * <ol>
 *   <li>Edges that close a cycle are found by a depth-first search from the nodes in input order
 *       (back edges) and left out of the layering.
 *   <li>Each node's layer (column) is the length of the longest path to it over the other edges.
 *   <li>Nodes in a layer are ordered by the mean position of their neighbours in the layer before
 *       (then after), a few sweeps, ties by input order.
 *   <li>Columns are as wide as their widest box; boxes are centred in the component's height.
 * </ol>
 *
 * The same graph always gets the same drawing. Cost: O(n · e) per sweep, four sweeps: meant for the
 * report's drawings of at most a few hundred nodes.
 */
final class LayeredLayout {
  static final double COLUMN_GAP = 90;
  static final double ROW_GAP = 26;
  static final double COMPONENT_GAP = 40;
  private static final int SWEEPS = 4;

  /** Where a box is: its top left corner and size. */
  record Box(double x, double y, double width, double height) {
    double centerY() {
      return y + height / 2;
    }
  }

  /**
   * A layout.
   *
   * @param boxes the box of each node, by node index
   * @param layers the layer of each node
   * @param width the drawing's width
   * @param height the drawing's height
   */
  record Layout(Box[] boxes, int[] layers, double width, double height) {}

  private LayeredLayout() {}

  /**
   * Lays out {@code sizes.length} nodes of the given {@code sizes} ({@code [width, height]}), with
   * edges {@code from[i] -> to[i]} whose labels are {@code labelWidths[i]} wide: the gap after a
   * column leaves room for the labels of the edges that leave it.
   */
  static Layout of(double[][] sizes, int[] from, int[] to, double[] labelWidths) {
    int n = sizes.length;
    List<List<Integer>> out = adjacency(n, from, to, false);
    List<List<Integer>> undirected = adjacency(n, from, to, true);
    int[] component = components(n, from, to, undirected);
    boolean[] back = backEdges(n, from, to, out);
    int[] layer = layers(n, from, to, back, out);
    Box[] boxes = new Box[n];
    int[] layers = new int[n];
    double top = 0;
    double width = 0;
    int components = n == 0 ? 0 : Arrays.stream(component).max().getAsInt() + 1;
    for (int c = 0; c < components; c++) {
      List<Integer> members = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        if (component[v] == c) {
          members.add(v);
          layers[v] = layer[v];
        }
      }
      double[] extent = place(members, layer, sizes, from, to, labelWidths, boxes, top);
      width = Math.max(width, extent[0]);
      top += extent[1] + COMPONENT_GAP;
    }
    return new Layout(boxes, layers, width, Math.max(0, top - COMPONENT_GAP));
  }

  private static List<List<Integer>> adjacency(int n, int[] from, int[] to, boolean both) {
    List<List<Integer>> lists = new ArrayList<>(n);
    for (int v = 0; v < n; v++) {
      lists.add(new ArrayList<>());
    }
    for (int e = 0; e < from.length; e++) {
      lists.get(from[e]).add(e);
      if (both) {
        lists.get(to[e]).add(e);
      }
    }
    return lists;
  }

  /** Component numbers in the order of each component's first node. */
  private static int[] components(int n, int[] from, int[] to, List<List<Integer>> undirected) {
    int[] component = new int[n];
    Arrays.fill(component, -1);
    int next = 0;
    for (int start = 0; start < n; start++) {
      if (component[start] >= 0) {
        continue;
      }
      Deque<Integer> queue = new ArrayDeque<>(List.of(start));
      component[start] = next;
      while (!queue.isEmpty()) {
        int v = queue.poll();
        for (int e : undirected.get(v)) {
          int w = from[e] == v ? to[e] : from[e]; // the list holds edge ids: take the other end
          if (component[w] < 0) {
            component[w] = next;
            queue.add(w);
          }
        }
      }
      next++;
    }
    return component;
  }

  /**
   * Iterative depth-first search from each node in order; an edge to a node on the stack is back.
   */
  private static boolean[] backEdges(int n, int[] from, int[] to, List<List<Integer>> out) {
    boolean[] back = new boolean[from.length];
    byte[] mark = new byte[n]; // 0 new, 1 on the stack, 2 done
    int[] cursor = new int[n];
    for (int start = 0; start < n; start++) {
      if (mark[start] != 0) {
        continue;
      }
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(start);
      mark[start] = 1;
      while (!stack.isEmpty()) {
        int v = stack.peek();
        if (cursor[v] == out.get(v).size()) {
          mark[v] = 2;
          stack.pop();
          continue;
        }
        int e = out.get(v).get(cursor[v]++);
        int w = to[e];
        if (mark[w] == 1) {
          back[e] = true;
        } else if (mark[w] == 0) {
          mark[w] = 1;
          stack.push(w);
        }
      }
    }
    return back;
  }

  /** Longest-path layering over the edges that are not back edges (a DAG), by Kahn's algorithm. */
  private static int[] layers(
      int n, int[] from, int[] to, boolean[] back, List<List<Integer>> out) {
    int[] indegree = new int[n];
    for (int e = 0; e < from.length; e++) {
      if (!back[e] && from[e] != to[e]) {
        indegree[to[e]]++;
      }
    }
    int[] layer = new int[n];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int v = 0; v < n; v++) {
      if (indegree[v] == 0) {
        ready.add(v);
      }
    }
    while (!ready.isEmpty()) {
      int v = ready.poll();
      for (int e : out.get(v)) {
        if (back[e] || from[e] == to[e]) {
          continue;
        }
        layer[to[e]] = Math.max(layer[to[e]], layer[v] + 1);
        if (--indegree[to[e]] == 0) {
          ready.add(to[e]);
        }
      }
    }
    return layer;
  }

  /** Places one component's nodes below {@code top}; returns its width and height. */
  private static double[] place(
      List<Integer> members,
      int[] layer,
      double[][] sizes,
      int[] from,
      int[] to,
      double[] labelWidths,
      Box[] boxes,
      double top) {
    int layerCount = members.stream().mapToInt(v -> layer[v]).max().orElse(0) + 1;
    List<List<Integer>> columns = new ArrayList<>();
    for (int l = 0; l < layerCount; l++) {
      columns.add(new ArrayList<>());
    }
    for (int v : members) {
      columns.get(layer[v]).add(v);
    }
    double[] position = new double[sizes.length];
    for (List<Integer> column : columns) {
      for (int i = 0; i < column.size(); i++) {
        position[column.get(i)] = i;
      }
    }
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean forward = sweep % 2 == 0;
      for (int k = 1; k < layerCount; k++) {
        int l = forward ? k : layerCount - 1 - k;
        order(columns.get(l), l, forward ? l - 1 : l + 1, layer, from, to, position);
      }
    }
    double[] gap = new double[layerCount];
    Arrays.fill(gap, COLUMN_GAP);
    boolean[] member = new boolean[sizes.length];
    members.forEach(v -> member[v] = true);
    for (int e = 0; e < from.length; e++) {
      int l = layer[from[e]];
      if (member[from[e]] && layer[to[e]] == l + 1) {
        gap[l] = Math.max(gap[l], labelWidths[e] + 40);
      }
    }
    double[] columnX = new double[layerCount];
    double[] columnHeight = new double[layerCount];
    double x = 0;
    double height = 0;
    for (int l = 0; l < layerCount; l++) {
      columnX[l] = x;
      double widest = 0;
      double tall = 0;
      for (int v : columns.get(l)) {
        widest = Math.max(widest, sizes[v][0]);
        tall += sizes[v][1] + ROW_GAP;
      }
      columnHeight[l] = Math.max(0, tall - ROW_GAP);
      height = Math.max(height, columnHeight[l]);
      x += widest + gap[l];
    }
    for (int l = 0; l < layerCount; l++) {
      double y = top + (height - columnHeight[l]) / 2;
      for (int v : columns.get(l)) {
        boxes[v] = new Box(columnX[l], y, sizes[v][0], sizes[v][1]);
        y += sizes[v][1] + ROW_GAP;
      }
    }
    return new double[] {Math.max(0, x - gap[layerCount - 1]), height};
  }

  /** Orders a column by the mean position of each node's neighbours in the {@code other} layer. */
  private static void order(
      List<Integer> column,
      int l,
      int other,
      int[] layer,
      int[] from,
      int[] to,
      double[] position) {
    double[] key = new double[position.length];
    for (int v : column) {
      double sum = 0;
      int count = 0;
      for (int e = 0; e < from.length; e++) {
        int w = from[e] == v ? to[e] : to[e] == v ? from[e] : -1;
        if (w >= 0 && w != v && layer[w] == other) {
          sum += position[w];
          count++;
        }
      }
      key[v] = count == 0 ? position[v] : sum / count;
    }
    column.sort(
        Comparator.<Integer>comparingDouble(v -> key[v]).thenComparingDouble(v -> position[v]));
    for (int i = 0; i < column.size(); i++) {
      position[column.get(i)] = i;
    }
  }
}
