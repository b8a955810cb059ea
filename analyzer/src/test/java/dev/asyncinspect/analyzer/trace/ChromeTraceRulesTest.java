package dev.asyncinspect.analyzer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules catch each kind of broken trace, and let a good one through. */
class ChromeTraceRulesTest {
  private static final String NAMES =
      "{\"ph\":\"M\",\"pid\":1,\"tid\":1,\"name\":\"process_name\",\"args\":{\"name\":\"p\"}},"
          + "{\"ph\":\"M\",\"pid\":1,\"tid\":2,\"name\":\"thread_name\",\"args\":{\"name\":\"t\"}},";

  private static List<String> violations(String events) {
    return ChromeTraceRules.check(
            "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[" + NAMES + events + "]}")
        .violations();
  }

  private static String event(String ph, String ts, String more) {
    return "{\"ph\":\"" + ph + "\",\"ts\":" + ts + ",\"pid\":1,\"tid\":2" + more + "}";
  }

  @Test
  void aGoodTraceWithNestedSlicesAsyncSlicesAndAFlow() {
    ChromeTraceRules trace =
        ChromeTraceRules.check(
            "{\"displayTimeUnit\":\"ms\",\"traceEvents\":["
                + NAMES
                + String.join(
                    ",",
                    event("B", "1", ",\"name\":\"outer\",\"args\":{\"task\":\"#1 a\"}"),
                    event("B", "2", ",\"name\":\"inner\",\"bind_id\":7,\"flow_out\":true"),
                    event("E", "3", ",\"name\":\"inner\""),
                    event("E", "4", ",\"name\":\"outer\""),
                    event("b", "5", ",\"cat\":\"c\",\"id\":\"0x2\",\"name\":\"later\""),
                    event(
                        "n",
                        "6",
                        ",\"cat\":\"c\",\"id\":\"0x2\",\"name\":\"x\",\"bind_id\":7,"
                            + "\"flow_in\":true"),
                    event("e", "7", ",\"cat\":\"c\",\"id\":\"0x2\",\"name\":\"later\""))
                + "]}");

    assertThat(trace.violations()).isEmpty();
    assertThat(trace.slices()).hasSize(4);
    assertThat(trace.flows())
        .singleElement()
        .satisfies(
            flow -> {
              assertThat(flow.from().task()).isEqualTo("#1 a");
              assertThat(flow.to().name).isEqualTo("x");
            });
  }

  @Test
  void catchesBrokenTraces() {
    assertThat(violations(event("B", "1", ",\"name\":\"a\"")))
        .containsExactly("never ended: a [1, null] on thread 1/2");
    assertThat(violations(event("E", "1", ",\"name\":\"a\"")))
        .singleElement()
        .asString()
        .contains("end with no open slice");
    assertThat(
            violations(
                event("B", "1", ",\"name\":\"a\"")
                    + ","
                    + event("B", "2", ",\"name\":\"b\"")
                    + ","
                    + event("E", "3", ",\"name\":\"a\"")
                    + ","
                    + event("E", "4", ",\"name\":\"b\"")))
        .anySatisfy(line -> assertThat(line).contains("under another name"));
    assertThat(
            violations(
                event("X", "1", ",\"dur\":5,\"name\":\"a\"")
                    + ","
                    + event("X", "2", ",\"dur\":9,\"name\":\"b\"")))
        .singleElement()
        .asString()
        .contains("sticks out");
    assertThat(
            violations(
                event("X", "5", ",\"dur\":1,\"name\":\"a\"")
                    + ","
                    + event("X", "2", ",\"dur\":1,\"name\":\"b\"")))
        .singleElement()
        .asString()
        .contains("time goes back");
    assertThat(
            violations(
                event("X", "1", ",\"dur\":1,\"name\":\"a\",\"bind_id\":3,\"flow_in\":true")
                    + ","
                    + event("X", "2", ",\"dur\":1,\"name\":\"b\",\"bind_id\":3,\"flow_out\":true")))
        .anySatisfy(line -> assertThat(line).contains("head of flow 3 before its tail"));
    assertThat(
            violations(
                event("X", "1", ",\"dur\":1,\"name\":\"a\",\"bind_id\":4,\"flow_out\":true")))
        .containsExactly("flow 4 has no head");
    assertThat(violations(event("s", "1", ",\"name\":\"f\",\"id\":1")))
        .anySatisfy(line -> assertThat(line).contains("outside any slice"));
    assertThat(violations(event("X", "1", ",\"dur\":1,\"name\":\"a\",\"args\":{\"l\":[1]}")))
        .singleElement()
        .asString()
        .contains("holds an array");
    assertThat(violations("{\"ts\":1,\"ph\":\"X\",\"dur\":1,\"pid\":1,\"tid\":2,\"name\":\"a\"}"))
        .singleElement()
        .asString()
        .contains("does not start with ph, ts");
    assertThat(
            violations(
                event("X", "1", ",\"dur\":1,\"name\":\"a\"").replace("\"tid\":2", "\"tid\":3")))
        .containsExactly("thread 1/3 has no thread_name");
  }

  @Test
  void catchesBadDocuments() {
    assertThat(ChromeTraceRules.check("{\"traceEvents\":[").violations())
        .singleElement()
        .asString()
        .startsWith("not valid JSON");
    assertThat(
            ChromeTraceRules.check("{\"traceEvents\":[],\"displayTimeUnit\":\"us\",\"x\":1}")
                .violations())
        .containsExactly(
            "top-level key x stops Perfetto's importer",
            "displayTimeUnit us is neither ms nor ns",
            "displayTimeUnit is not the first key");
  }
}
