package dev.asyncinspect.analyzer.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.asyncinspect.analyzer.analysis.Timeline;
import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import dev.asyncinspect.analyzer.dump.TaskInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineSectionTest {

  @Test
  void theDataHasEachTaskItsFlagsAndItsSegmentsFromTheTimelinesStart() throws Exception {
    Dump dump =
        DumpReader.read(
            Path.of(
                TimelineSectionTest.class.getResource("/dumps/agent/vt-deadlock.jsonl").toURI()));
    Timeline timeline = Timeline.of(dump);
    TaskInfo audit = dump.tasksNamed("VirtualThreadDeadlock.audit").get(0);
    String data = TimelineSection.data(timeline, Set.of(audit.id()), Set.of());

    List<String> tokens = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(data)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens.add(token == JsonToken.FIELD_NAME ? parser.currentName() + ":" : parser.getText());
      }
    }
    String flat = String.join(" ", tokens);
    assertThat(flat)
        .startsWith("{ span: " + (timeline.end() - timeline.start()) + " omitted: 0 tasks: [")
        .contains("id: " + audit.id() + " name: VirtualThreadDeadlock.audit kind: SYNC")
        .contains("deadlocked: true stuck: false truncated: false open: true start: ");
    // The audit task's last segment: BLOCKED at its lock() up to the dump's moment.
    String last =
        "BLOCKED "
            + (audit.stateSince() - timeline.start())
            + " "
            + (timeline.end() - timeline.start())
            + " at VirtualThreadDeadlock.java:60 ReentrantLock.lock on ";
    assertThat(flat).contains(last);
  }
}
