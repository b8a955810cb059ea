package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.MethodInfo;
import java.util.List;

/**
 * The state machine of one traced method as its tasks went through it, built by {@link
 * ObservedStateMachines} from the event history: like the states a compiler generates for an async
 * method, one per await point, between the start and the end.
 *
 * @param method the traced method
 * @param tasks the method's tasks (calls) in the dump
 * @param observed those whose whole history is in the dump's events: the ones counted here
 * @param states the states they passed through: {@link ObservedState.Kind#START} first, then the
 *     await points by id, then {@code SUSPENDED}, then the ends
 * @param transitions each move from one state to another seen, with how often, in order of {@code
 *     states} (from, then to)
 */
public record ObservedStateMachine(
    MethodInfo method,
    long tasks,
    long observed,
    List<ObservedState> states,
    List<Transition> transitions) {

  public ObservedStateMachine {
    states = List.copyOf(states);
    transitions = List.copyOf(transitions);
  }

  /**
   * A move seen between two states.
   *
   * @param from the state left
   * @param to the state entered; may be {@code from} itself (an await point in a loop)
   * @param count how many times a task made it
   */
  public record Transition(ObservedState.Id from, ObservedState.Id to, long count) {}

  /** The state with an id, or null when no task was in it. */
  public ObservedState state(ObservedState.Id id) {
    for (ObservedState state : states) {
      if (state.id().equals(id)) {
        return state;
      }
    }
    return null;
  }
}
