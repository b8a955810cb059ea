package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventColumnsTest {

  /** Events over several chunks, the last one partly filled, with every state and odd values. */
  private static List<EventInfo> events(int count) {
    List<EventInfo> events = new ArrayList<>();
    TaskState[] states = TaskState.values();
    for (int i = 0; i < count; i++) {
      Integer point = i % 3 == 0 ? null : (i % 5 == 0 ? Integer.MAX_VALUE - i : i - 1500);
      events.add(
          new EventInfo(i * 2L, -i * 7L, Long.MAX_VALUE - i, states[i % states.length], point));
    }
    return events;
  }

  @Test
  void columnsAgreeWithTheEventsOfTheDump() {
    List<EventInfo> events = events(2 * EventColumns.CHUNK + 123);
    Dump dump = dumpWith(events);
    EventColumns columns = dump.eventColumns();

    assertThat(columns.size()).isEqualTo(events.size());
    for (int i = 0; i < events.size(); i++) {
      EventInfo event = events.get(i);
      assertThat(columns.seq(i)).isEqualTo(event.seq());
      assertThat(columns.time(i)).isEqualTo(event.t());
      assertThat(columns.task(i)).isEqualTo(event.task());
      assertThat(columns.state(i)).isEqualTo(event.state());
      assertThat(columns.point(i))
          .isEqualTo(event.point() == null ? EventColumns.NO_POINT : event.point());
    }
    assertThat(dump.events()).isEqualTo(events);
  }

  @Test
  void anIndexPastTheEndFailsInEveryColumn() {
    for (int count :
        new int[] {1, EventColumns.CHUNK - 1, EventColumns.CHUNK, EventColumns.CHUNK + 1}) {
      EventColumns columns = dumpWith(events(count)).eventColumns();
      assertThatThrownBy(() -> columns.seq(count)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> columns.time(count)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> columns.task(count)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> columns.state(count)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> columns.point(count)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> columns.point(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void noEvents() {
    EventColumns columns = dumpWith(List.of()).eventColumns();
    assertThat(columns.size()).isZero();
    assertThatThrownBy(() -> columns.task(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void eventsOfOneTaskAreFoundThroughTheColumns() {
    List<EventInfo> events = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      events.add(new EventInfo(i, i, i % 7, TaskState.RUNNING, i % 2 == 0 ? null : i));
    }
    Dump dump = dumpWith(events);
    assertThat(dump.eventsOf(3)).isEqualTo(events.stream().filter(e -> e.task() == 3).toList());
    assertThat(dump.eventsOf(99)).isEmpty();
  }

  private static Dump dumpWith(List<EventInfo> events) {
    Header header =
        new Header(
            DumpReader.FORMAT, "1.1", "test", Map.of(), 1, "Main", "t0", "t1", 0, "test", Map.of());
    return new Dump(
        Path.of("test.aidump.jsonl"),
        header,
        Map.of(),
        Map.of(),
        Map.of(),
        List.of(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        events,
        null,
        List.of());
  }
}
