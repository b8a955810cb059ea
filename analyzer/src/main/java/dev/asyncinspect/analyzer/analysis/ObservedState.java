package dev.asyncinspect.analyzer.analysis;

import dev.asyncinspect.analyzer.dump.AwaitPointInfo;

/**
 * One state of an {@link ObservedStateMachine}, with what the method's tasks did in it.
 *
 * <p>A task is in {@code START} from its start to its first await point; in an {@code AWAIT} state
 * from the moment it blocks at that point, through its wait and the code it runs after it, until it
 * blocks at the next point, returns an incomplete future ({@code SUSPENDED}) or ends. So each
 * state's time is split into the time spent waiting (blocked, suspended or queued) and the time
 * spent running.
 *
 * @param id which state
 * @param point the await point of an {@code AWAIT} state; null for the others, or when the dump
 *     lacks the point
 * @param visits how many times tasks entered it
 * @param left how many of those visits ended (the task moved on): the ones the times cover
 * @param waitingNanos the time the finished visits spent waiting
 * @param runningNanos the time the finished visits spent running
 * @param current live tasks in this state at dump time
 * @param currentNanos how long those had been in it at dump time, summed
 */
public record ObservedState(
    Id id,
    AwaitPointInfo point,
    long visits,
    long left,
    long waitingNanos,
    long runningNanos,
    long current,
    long currentNanos) {

  /** The kinds of states, in the order a machine lists them. */
  public enum Kind {
    /** Queued on an executor, not started yet. */
    QUEUED,
    /** From the start to the first await point. */
    START,
    /** At an await point and after it. */
    AWAIT,
    /** An ASYNC method returned a future not yet complete. */
    SUSPENDED,
    /** Ended normally. */
    COMPLETED,
    /** Ended by an exception. */
    FAILED,
    /** Cancelled. */
    CANCELLED;

    /** Whether a task that enters the state has ended. */
    public boolean end() {
      return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
  }

  /**
   * A state's identity.
   *
   * @param kind the kind
   * @param point the await-point id of an {@code AWAIT} state, else 0
   */
  public record Id(Kind kind, int point) implements Comparable<Id> {
    public static Id of(Kind kind) {
      return new Id(kind, 0);
    }

    public static Id await(int point) {
      return new Id(Kind.AWAIT, point);
    }

    @Override
    public int compareTo(Id other) {
      int byKind = kind.compareTo(other.kind);
      return byKind != 0 ? byKind : Integer.compare(point, other.point);
    }
  }

  /** The mean time of a finished visit, waiting and running; 0 when none finished. */
  public long meanNanos() {
    return left == 0 ? 0 : (waitingNanos + runningNanos) / left;
  }

  /** The mean time a finished visit spent waiting; 0 when none finished. */
  public long meanWaitingNanos() {
    return left == 0 ? 0 : waitingNanos / left;
  }

  /**
   * What the state is called in a drawing: {@code start}, {@code Shop.java:12 join()} for an await
   * point, {@code suspended}, {@code completed}...
   */
  public String label() {
    if (id.kind() != Kind.AWAIT) {
      return id.kind().toString().toLowerCase(java.util.Locale.ROOT);
    }
    return point == null ? "await point " + id.point() : point.location() + " " + Names.call(point);
  }
}
