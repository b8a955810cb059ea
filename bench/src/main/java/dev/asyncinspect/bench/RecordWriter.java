package dev.asyncinspect.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes dump records, one JSON object per line, and counts them by type for the end record.
 * Jackson's generator does the escaping, so that the synthetic dump is as valid as the agent's.
 */
final class RecordWriter implements Closeable {
  private final JsonGenerator json;
  private final Map<String, Long> counts = new LinkedHashMap<>();

  RecordWriter(OutputStream out) throws IOException {
    json =
        new JsonFactory()
            .createGenerator(new BufferedOutputStream(out, 1 << 16), JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
  }

  /** Starts a record: the object and its {@code type} field. */
  JsonGenerator begin(String type) throws IOException {
    counts.merge(type, 1L, Long::sum);
    json.writeStartObject();
    json.writeStringField("type", type);
    return json;
  }

  /** Ends the record and its line. */
  void end() throws IOException {
    json.writeEndObject();
    json.writeRaw('\n');
  }

  /** The records written so far, by type, as the end record counts them. */
  Map<String, Long> counts() {
    return counts;
  }

  void intArray(String name, int... values) throws IOException {
    json.writeFieldName(name);
    json.writeArray(values, 0, values.length);
  }

  void frame(String className, String method, String file, int line) throws IOException {
    json.writeStartObject();
    json.writeStringField("class", className);
    json.writeStringField("method", method);
    json.writeStringField("file", file);
    json.writeNumberField("line", line);
    json.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
