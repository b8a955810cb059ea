package dev.asyncinspect.analyzer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pinned-virtual-thread lint on a real agent dump (JDK 25, a blocking class initializer). */
class PinnedThreadsTest {

  @Test
  void pinIsPlacedAtTheTracedFrameAndNamesItsTask() throws Exception {
    Dump dump =
        DumpReader.read(
            Path.of(getClass().getResource("/dumps/agent/pinned-virtual-thread.jsonl").toURI()));
    List<PinnedThreads.Pin> pins = PinnedThreads.of(dump);
    assertThat(pins).hasSize(1);
    PinnedThreads.Pin pin = pins.get(0);
    long lookup = dump.tasksNamed("PinnedVirtualThread.lookup").get(0).id();
    assertThat(pin.task()).isEqualTo(lookup);
    assertThat(pin.durationNanos()).isGreaterThanOrEqualTo(20_000_000L);
    assertThat(pin.location())
        .matches("PinnedVirtualThread\\.java:\\d+ in PinnedVirtualThread\\.lookup");

    List<String> text = PinnedThreadsText.render(dump, pins, false);
    assertThat(text.get(0)).isEqualTo("PINNED  1 block of a virtual thread pinned to its carrier");
    assertThat(text.get(1)).startsWith("  #" + lookup + " PinnedVirtualThread.lookup  pinned ");
    assertThat(text).allMatch(line -> line.length() <= LineWrap.WIDTH);
  }

  @Test
  void dumpWithoutPinsHasNoLint() throws Exception {
    Dump dump =
        DumpReader.read(
            Path.of(getClass().getResource("/dumps/agent/pool-starvation.jsonl").toURI()));
    assertThat(PinnedThreads.of(dump)).isEmpty();
    assertThat(PinnedThreadsText.render(dump, List.of(), false)).isEmpty();
  }
}
