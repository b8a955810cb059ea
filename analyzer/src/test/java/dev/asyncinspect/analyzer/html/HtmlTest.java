package dev.asyncinspect.analyzer.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void textEscapesMarkupQuotesAndAmpersandsAndReplacesControlCharacters() {
    assertThat(Html.text("<a href=\"x\" title='y'>&amp;</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    assertThat(Html.text("tab\there\nbell\u0007 del\u007f"))
        .isEqualTo("tab\there\nbell\uFFFD del\uFFFD");
    assertThat(Html.text("Bank.transfer")).isSameAs("Bank.transfer");
    assertThat(Html.text(null)).isEmpty();
  }

  @Test
  void jsonInAScriptElementCannotEndItAndParsesToTheSameValue() throws Exception {
    String value = "</script><!-- <script>alert(1)</script> & \u2028 \"q\"";
    StringWriter text = new StringWriter();
    JsonFactory factory = new JsonFactory();
    try (JsonGenerator json = factory.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("name", value);
      json.writeEndObject();
    }
    String safe = Html.json(text.toString());

    assertThat(safe).doesNotContain("<", ">", "&", "\u2028");
    try (JsonParser parser = factory.createParser(safe)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      parser.nextToken();
      assertThat(parser.nextTextValue()).isEqualTo(value);
    }
  }
}
