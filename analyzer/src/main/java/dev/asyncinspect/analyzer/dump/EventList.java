package dev.asyncinspect.analyzer.dump;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The event history of a dump as a list of {@link EventInfo}, stored as {@link EventColumns}: about
 * 30 bytes an event instead of the 60 of an {@link EventInfo} object, its boxed point and a list
 * slot, and nothing for the garbage collector to trace. A dump holds up to millions of events, and
 * every one of them stays live while the dump is read, so this halves the heap a large dump needs
 * and most of the collector's copying (docs/performance.md). {@link #get} makes the {@link
 * EventInfo} on demand; analyses that walk every event read {@link #columns()} instead.
 *
 * <p>Immutable once built: {@link Builder} appends, {@link Builder#build()} freezes.
 */
final class EventList extends AbstractList<EventInfo> implements RandomAccess {
  /** The point of an event that has none, in the columns and in {@link EventLine}. */
  static final int NO_POINT = EventColumns.NO_POINT;

  private final EventColumns columns;

  private EventList(EventColumns columns) {
    this.columns = columns;
  }

  /** The events as an event list: the same list when it is one, else a compact copy. */
  static List<EventInfo> of(List<EventInfo> events) {
    if (events instanceof EventList list) {
      return list;
    }
    Builder builder = new Builder();
    if (events != null) {
      for (EventInfo event : events) {
        builder.add(event);
      }
    }
    return builder.build();
  }

  /** The same events, column by column. */
  EventColumns columns() {
    return columns;
  }

  @Override
  public EventInfo get(int index) {
    if (index < 0 || index >= columns.size()) {
      throw new IndexOutOfBoundsException("index " + index + " of " + columns.size());
    }
    return columns.get(index);
  }

  @Override
  public int size() {
    return columns.size();
  }

  /** Collects events in order; not thread-safe. */
  static final class Builder {
    private final EventColumns.Builder columns = new EventColumns.Builder();

    void add(EventInfo event) {
      if (event.point() != null && event.point() == NO_POINT) {
        // The one int the columns use for "no point"; no dump has such an id, keep it exact.
        throw new IllegalArgumentException("await point id " + NO_POINT + " is not supported");
      }
      add(
          event.seq(),
          event.t(),
          event.task(),
          event.state(),
          event.point() == null ? NO_POINT : event.point());
    }

    /** Adds an event given field by field; {@code eventPoint} is {@link #NO_POINT} for none. */
    void add(long eventSeq, long eventTime, long eventTask, TaskState eventState, int eventPoint) {
      columns.add(eventSeq, eventTime, eventTask, eventState, eventPoint);
    }

    EventList build() {
      return new EventList(columns.build());
    }
  }
}
