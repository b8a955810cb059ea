package dev.asyncinspect.analyzer.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object under construction, as an ordered {@code Map} that Jackson (or any JSON writer)
 * serializes in insertion order. Like the dump format, it omits a field whose value is unknown
 * rather than writing {@code null}.
 */
final class JsonView {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  JsonView put(String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  Map<String, Object> toMap() {
    return fields;
  }
}
