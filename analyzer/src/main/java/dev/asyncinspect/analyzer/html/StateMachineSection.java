package dev.asyncinspect.analyzer.html;

import dev.asyncinspect.analyzer.analysis.ObservedState;
import dev.asyncinspect.analyzer.analysis.ObservedStateMachine;
import dev.asyncinspect.analyzer.report.DurationFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For each traced method, its {@link ObservedStateMachine}: a drawing of the states and the moves
 * between them with their counts, and a table of the time spent in each state.
 */
final class StateMachineSection {
  private StateMachineSection() {}

  static void write(Page page, List<ObservedStateMachine> machines) {
    page.raw("<section id=\"state-machines\">\n<h2>State machines</h2>\n");
    page.element(
        "p",
        "note",
        "Each traced method's states as its calls went through them: start, each await point"
            + " (the wait there and the code after it, up to the next), suspended (an async"
            + " method returned an incomplete future), and the end. From the event history: only"
            + " calls whose whole history is in the dump count.");
    if (machines.isEmpty()) {
      page.element("p", "none", "no traced method has calls in the dump");
    }
    int number = 0;
    for (ObservedStateMachine machine : machines) {
      number++;
      page.raw("<div class=\"machine\" data-method=\"").text(machine.method().task()).raw("\">\n");
      page.element("h3", "", machine.method().task());
      page.element(
          "p",
          "note",
          machine.observed()
              + " of "
              + machine.tasks()
              + (machine.tasks() == 1 ? " call" : " calls")
              + " with the whole history in the dump");
      if (!machine.states().isEmpty()) {
        page.raw(SvgDiagram.render(diagram("machine-" + number, machine))).raw("\n");
        table(page, machine);
      }
      page.raw("</div>\n");
    }
    page.raw("</section>\n");
  }

  static Diagram diagram(String id, ObservedStateMachine machine) {
    Map<ObservedState.Id, Integer> index = new HashMap<>();
    List<Diagram.Node> nodes = new ArrayList<>();
    for (ObservedState state : machine.states()) {
      index.put(state.id(), nodes.size());
      List<String> lines = new ArrayList<>();
      lines.add(state.label());
      if (!state.id().kind().end()) {
        lines.add(
            state.left() == 0
                ? "no visit ended"
                : "mean " + DurationFormat.format(state.meanNanos()) + waiting(state));
      } else {
        lines.add(state.visits() + (state.visits() == 1 ? " call" : " calls"));
      }
      if (state.current() > 0) {
        lines.add(
            state.current()
                + " there now, "
                + DurationFormat.format(state.currentNanos() / state.current())
                + " so far");
      }
      String kind = state.id().kind().toString().toLowerCase(Locale.ROOT);
      nodes.add(
          new Diagram.Node(
              "state-" + kind + "-" + state.id().point(),
              lines,
              "state " + kind + (state.current() > 0 ? " occupied" : "")));
    }
    List<Diagram.Edge> edges = new ArrayList<>();
    for (ObservedStateMachine.Transition move : machine.transitions()) {
      edges.add(
          new Diagram.Edge(
              index.get(move.from()), index.get(move.to()), "\u00d7" + move.count(), "move"));
    }
    return new Diagram(id, nodes, edges);
  }

  private static String waiting(ObservedState state) {
    return state.waitingNanos() == 0
        ? ""
        : " (waiting " + DurationFormat.format(state.meanWaitingNanos()) + ")";
  }

  private static void table(Page page, ObservedStateMachine machine) {
    page.raw("<table class=\"stats states\">\n");
    page.row(
        1, List.of("state", "entered", "left", "mean time", "mean waiting", "there now"), true);
    for (ObservedState state : machine.states()) {
      boolean end = state.id().kind().end();
      page.row(
          1,
          List.of(
              state.label(),
              Long.toString(state.visits()),
              end ? "-" : Long.toString(state.left()),
              end || state.left() == 0 ? "-" : DurationFormat.format(state.meanNanos()),
              end || state.left() == 0 ? "-" : DurationFormat.format(state.meanWaitingNanos()),
              Long.toString(state.current())),
          false);
    }
    page.raw("</table>\n");
  }
}
