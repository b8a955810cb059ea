package dev.asyncinspect.analyzer.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventListTest {

  @Test
  void holdsWhatItWasGivenAsAnyListWould() {
    List<EventInfo> events = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      TaskState state = TaskState.values()[i % TaskState.values().length];
      events.add(
          new EventInfo(i, -i * 7L, Long.MAX_VALUE - i, state, i % 3 == 0 ? null : i - 1500));
    }
    List<EventInfo> compact = EventList.of(events);

    assertThat(compact).isEqualTo(events).hasSameHashCodeAs(events);
    assertThat(EventList.of(compact)).isSameAs(compact);
    assertThat(compact.get(1))
        .isEqualTo(new EventInfo(1, -7, Long.MAX_VALUE - 1, events.get(1).state(), -1499));
    assertThatThrownBy(() -> compact.get(3000)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> compact.set(0, events.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void emptyAndNull() {
    assertThat(EventList.of(List.of())).isEmpty();
    assertThat(EventList.of(null)).isEmpty();
  }
}
