package dev.asyncinspect.analyzer.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one line of a dump into plain Java values: {@code Map} (in field order), {@code List},
 * {@code String}, {@code Long}, {@code BigInteger} (beyond 64 bits), {@code Double}, {@code
 * Boolean}, and null. A small tree of our own, rather than jackson-databind's, keeps the analyzer's
 * only dependency jackson-core; {@link JsonFields} gives it typed access.
 *
 * <p>Jackson's default stream constraints bound what one line can do (number length, string length,
 * nesting depth), so a hostile file cannot make the recursion below overflow the stack.
 */
final class JsonLineParser {
  // Thread-safe once built. Duplicate fields are refused by readObject, not by Jackson's
  // STRICT_DUPLICATE_DETECTION: that keeps a hash set per object, which cost a tenth of the time
  // of reading a large dump (docs/performance.md).
  private static final JsonFactory JSON = new JsonFactory();

  private JsonLineParser() {}

  /** The line's JSON object, field name to value. */
  static Map<String, Object> parseObject(byte[] bytes, int length) throws MalformedLineException {
    try (JsonParser parser = JSON.createParser(bytes, 0, length)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new MalformedLineException(first == null ? "empty line" : "not a JSON object", null);
      }
      Map<String, Object> object = readObject(parser);
      if (parser.nextToken() != null) {
        throw new MalformedLineException(
            "more than one JSON value" + at(parser.currentTokenLocation()), null);
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new MalformedLineException("invalid JSON" + at(e.getLocation()) + ": " + problem(e), e);
    } catch (IOException e) {
      // Parsing a byte array does no I/O; only a bug could get here.
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int fields = object.size();
      object.put(name, readValue(parser, parser.nextToken()));
      if (object.size() == fields) {
        // A duplicate field would make "which value counts" ambiguous.
        throw new JsonParseException(parser, "Duplicate field '" + name + "'");
      }
    }
    return object;
  }

  private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonParseException(parser, "unexpected end of input");
    }
    switch (token) {
      case START_OBJECT:
        return readObject(parser);
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(readValue(parser, element));
        }
        return array;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue()
            : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected JSON token " + token);
    }
  }

  /**
   * Jackson's own message, without what refers to Jackson rather than to the dump: the source it
   * was told not to show ("[Source: REDACTED ...]") and the name of its limit settings.
   */
  private static String problem(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    return message
        .replaceAll(" \\(start marker at \\[Source: [^]]*\\]\\)", "")
        .replaceAll(", from `[^`]*`", "");
  }

  private static String at(JsonLocation location) {
    return location == null || location.getColumnNr() < 1
        ? ""
        : " at column " + location.getColumnNr();
  }
}
