package dev.asyncinspect.analyzer.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asyncinspect.analyzer.dump.Dump;
import dev.asyncinspect.analyzer.dump.DumpReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlReportTest {
  private static final String HOSTILE = "</script><script>alert(1)</script><img src=x onerror=y>";

  @TempDir Path dir;

  /** A dump of the agent's, with a task name and an exception message replaced. */
  private Dump dump(String resource, String original, String replacement) throws Exception {
    Path file = Path.of(HtmlReportTest.class.getResource("/dumps/agent/" + resource).toURI());
    String text = Files.readString(file);
    assertThat(text).contains(original);
    Path changed = dir.resolve(resource);
    Files.writeString(changed, text.replace(original, replacement.replace("\"", "\\\"")));
    return DumpReader.read(changed);
  }

  @Test
  void namesAndMessagesFromTheApplicationAreEscapedEverywhere() throws Exception {
    Dump deadlock = dump("vt-deadlock.jsonl", "VirtualThreadDeadlock.audit", HOSTILE + "\"'&");
    Dump failure = dump("failing-chain.jsonl", "out of stock: blue-widget", HOSTILE);
    for (Dump dump : new Dump[] {deadlock, failure}) {
      String page = HtmlReport.render(dump);

      assertThat(page).doesNotContain("alert(1)</script>", "<img");
      assertThat(count(page, "<script")).as("the page's data and its script").isEqualTo(2);
      assertThat(page).contains("&lt;/script&gt;&lt;script&gt;alert(1)");
    }
    // The task name is in the timeline's data too, as JSON escapes the page's script reads back.
    assertThat(HtmlReport.render(deadlock))
        .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
  }

  @Test
  void thePolicyAllowsNoRequestAndOnlyThePagesOwnStyleAndScript() throws Exception {
    String page = HtmlReport.render(dump("vt-deadlock.jsonl", "x", "x"));

    String policy =
        between(page, "Content-Security-Policy\" content=\"", "\"").replace("&#39;", "'");
    assertThat(policy).startsWith("default-src 'none';").doesNotContain("unsafe", "http", "*");
    assertThat(policy)
        .contains("style-src '" + sha256(between(page, "<style>", "</style>")) + "'")
        .contains("script-src '" + sha256(between(page, "<script>", "</script>")) + "'");
    // The SVG namespace is a name, not an address: nothing else may name one.
    assertThat(page.replace("\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http://", "https://", " src=\"", "url(http");
  }

  @Test
  void theDeadlockCycleIsHighlightedInTheRelationshipGraph() throws Exception {
    String page = HtmlReport.render(dump("vt-deadlock.jsonl", "x", "x"));
    String graph = between(page, "id=\"relationship-graph\"", "</svg>");

    assertThat(count(graph, "<g class=\"edge ")).isEqualTo(4);
    assertThat(count(graph, "<g class=\"edge waits deadlocked hot\"")).isEqualTo(2);
    assertThat(count(graph, "<g class=\"edge released_by deadlocked hot\"")).isEqualTo(2);
    assertThat(count(graph, "<g class=\"node task deadlocked")).isEqualTo(2);
    assertThat(page)
        .contains("<section id=\"summary\">", "<section id=\"findings\">")
        .contains("<section id=\"timeline\">", "<section id=\"call-graph\">")
        .contains("<section id=\"statistics\">", "<section id=\"state-machines\">");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.jsonl",
        "rich.jsonl",
        "truncated.jsonl",
        "agent/failing-chain.jsonl",
        "agent/fan-out-pipeline.jsonl",
        "agent/pinned-virtual-thread.jsonl",
        "agent/pool-starvation.jsonl",
        "agent/stuck-future.jsonl"
      })
  void everyTestDumpGivesACompletePage(String name) throws Exception {
    Dump dump =
        DumpReader.read(Path.of(HtmlReportTest.class.getResource("/dumps/" + name).toURI()));
    String page = HtmlReport.render(dump);

    assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(count(page, "<section id=")).isEqualTo(7);
    assertThat(count(page, "<svg")).isEqualTo(count(page, "</svg>"));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private static String between(String text, String start, String end) {
    Matcher matcher =
        Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL)
            .matcher(text);
    assertThat(matcher.find()).as("%s...%s", start, end).isTrue();
    return matcher.group(1);
  }

  private static String sha256(String text) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(digest);
  }
}
