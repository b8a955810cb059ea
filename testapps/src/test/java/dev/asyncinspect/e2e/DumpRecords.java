package dev.asyncinspect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dump file's records as raw JSON, for what the analyzer's model does not expose ({@code
 * spawnStats}) and for checks on the text itself.
 */
record DumpRecords(List<JsonNode> records) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static DumpRecords read(Path file) {
    try {
      List<JsonNode> records = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        records.add(JSON.readTree(line));
      }
      return new DumpRecords(records);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dump " + file, e);
    }
  }

  List<JsonNode> ofType(String type) {
    return records.stream().filter(r -> r.path("type").asText().equals(type)).toList();
  }

  /** The sum of a numeric field over the records of a type. */
  long sum(String type, String field) {
    return ofType(type).stream().mapToLong(r -> r.path(field).asLong()).sum();
  }
}
