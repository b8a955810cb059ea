package dev.asyncinspect.analyzer.analysis;

/**
 * An arrow between two tasks of a {@link Timeline}.
 *
 * @param kind what the arrow means
 * @param from the id of the task the arrow leaves: the parent, or the waiter
 * @param to the id of the task it points to: the child, or the task expected to release the waiter
 * @param at when it starts: the child's start, or when the wait began
 * @param object for {@link Kind#WAITS_FOR}, the id of the object waited on; else null
 */
public record TaskRelation(Kind kind, long from, long to, long at, Integer object) {

  /** What a relation means. */
  public enum Kind {
    /** The parent started the child (the child's {@code parent}). */
    PARENT_OF,
    /**
     * The waiter is {@code BLOCKED} on an object that the other task is expected to complete or
     * release: a future's producer (also through derived futures' sources), a lock's holder, the
     * task running on a joined thread.
     */
    WAITS_FOR
  }
}
