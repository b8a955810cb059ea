package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** JSON written by the agent is read back exactly by a real JSON parser. */
class JsonLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void stringsWithQuotesControlsAndUnicodeRoundTrip() throws Exception {
    String nasty = "a\"b\\c\nd\re\tf\u0001g\u007fé😀 end";
    String line = new JsonLine().begin().field("s", nasty).field("n", -42L).end();
    assertThat(line).doesNotContain("\n");
    JsonNode node = JSON.readTree(line);
    assertThat(node.path("s").asText()).isEqualTo(nasty);
    assertThat(node.path("n").asLong()).isEqualTo(-42);
  }

  @Test
  void loneSurrogatesAreEscapedSoTheLineStaysValidUtf8() throws Exception {
    String broken = "x\uD800y\uDC00z";
    String line = new JsonLine().begin().field("s", broken).end();
    assertThat(line).contains("\\ud800").contains("\\udc00");
    assertThat(JSON.readTree(line).path("s").asText()).isEqualTo(broken);
  }

  @Test
  void nestedObjectsAndArraysHaveTheRightCommas() throws Exception {
    String line =
        new JsonLine()
            .begin()
            .field("a", 1)
            .object("o")
            .field("x", true)
            .field("y", "z")
            .endObject()
            .array("arr")
            .element(1)
            .element(2)
            .elementArray()
            .element(3)
            .element(4)
            .endArray()
            .elementObject()
            .field("k", "v")
            .endObject()
            .endArray()
            .field("b", 2)
            .end();
    JsonNode node = JSON.readTree(line);
    assertThat(node.toString())
        .isEqualTo(
            "{\"a\":1,\"o\":{\"x\":true,\"y\":\"z\"},\"arr\":[1,2,[3,4],{\"k\":\"v\"}],\"b\":2}");
  }

  @Test
  void absentStringsAreOmitted() throws Exception {
    String line = new JsonLine().begin().field("a", (String) null).field("b", 1).end();
    assertThat(JSON.readTree(line).has("a")).isFalse();
  }
}
