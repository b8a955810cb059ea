package dev.asyncinspect.analyzer.dump;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the fields of one JSON object of a dump line. Every wrong or missing value
 * becomes a {@link DumpFormatException} naming the file, the line and the field's path, e.g. {@code
 * app.aidump.jsonl:7: task.await.point: expected an integer, found "x"}. Absent fields and explicit
 * nulls read the same: the format omits unknown values.
 */
final class JsonFields {
  private final Map<String, Object> values;
  private final Path file;
  private final int line;
  private final String path;
  private final String newerVersionNote;

  /**
   * @param path the JSON path of this object, for messages: the record type, or {@code task.await}
   * @param newerVersionNote appended to "unknown value" messages when the dump's minor version is
   *     newer than this reader's (the unknown value is then most likely new); null otherwise
   */
  JsonFields(
      Map<String, Object> values, Path file, int line, String path, String newerVersionNote) {
    this.values = values;
    this.file = file;
    this.line = line;
    this.path = path;
    this.newerVersionNote = newerVersionNote;
  }

  /** A problem with this object, at its file and line. */
  DumpFormatException error(String problem) {
    return new DumpFormatException(file, line, path + ": " + problem);
  }

  Path file() {
    return file;
  }

  int line() {
    return line;
  }

  /** The JSON path of this object: the record type, or e.g. {@code task.await}. */
  String path() {
    return path;
  }

  String requiredString(String name) throws DumpFormatException {
    return required(name, optionalString(name));
  }

  String optionalString(String name) throws DumpFormatException {
    Object value = values.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw wrongType(name, "a string", value);
  }

  long requiredLong(String name) throws DumpFormatException {
    return required(name, optionalLong(name));
  }

  long longOr(String name, long absent) throws DumpFormatException {
    Long value = optionalLong(name);
    return value == null ? absent : value;
  }

  Long optionalLong(String name) throws DumpFormatException {
    return toLong(name, values.get(name));
  }

  int requiredInt(String name) throws DumpFormatException {
    return required(name, optionalInt(name));
  }

  Integer optionalInt(String name) throws DumpFormatException {
    return toInt(name, values.get(name));
  }

  int intOr(String name, int absent) throws DumpFormatException {
    Integer value = optionalInt(name);
    return value == null ? absent : value;
  }

  boolean requiredBoolean(String name) throws DumpFormatException {
    return required(name, optionalBoolean(name));
  }

  Boolean optionalBoolean(String name) throws DumpFormatException {
    Object value = values.get(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(name, "true or false", value);
  }

  <E extends Enum<E>> E requiredEnum(String name, Class<E> type) throws DumpFormatException {
    return required(name, optionalEnum(name, type));
  }

  <E extends Enum<E>> E optionalEnum(String name, Class<E> type) throws DumpFormatException {
    String text = optionalString(name);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException unknown) {
      // Reported below, with the values this reader knows.
    }
    throw fieldError(
        name,
        "unknown value "
            + describe(text)
            + ", expected one of "
            + Arrays.toString(type.getEnumConstants())
            + (newerVersionNote == null ? "" : " (" + newerVersionNote + ")"));
  }

  /** A nested object, or null when absent. */
  JsonFields optionalObject(String name) throws DumpFormatException {
    Object value = values.get(name);
    if (value == null) {
      return null;
    }
    return nested(path + "." + name, name, value);
  }

  /** {@code value} as a nested object at {@code nestedPath}, or an error naming {@code name}. */
  JsonFields nested(String nestedPath, String name, Object value) throws DumpFormatException {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) map;
      return new JsonFields(fields, file, line, nestedPath, newerVersionNote);
    }
    throw wrongType(name, "an object", value);
  }

  /** The raw value of a field: see {@link JsonLineParser} for the types; null when absent. */
  Object value(String name) {
    return values.get(name);
  }

  Long toLong(String name, Object value) throws DumpFormatException {
    if (value == null || value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof BigInteger) {
      throw fieldError(name, value + " does not fit in a 64-bit integer");
    }
    throw wrongType(name, "an integer", value);
  }

  Integer toInt(String name, Object value) throws DumpFormatException {
    Long wide = toLong(name, value);
    if (wide == null) {
      return null;
    }
    if (wide < Integer.MIN_VALUE || wide > Integer.MAX_VALUE) {
      throw fieldError(name, wide + " does not fit in a 32-bit integer");
    }
    return wide.intValue();
  }

  private <T> T required(String name, T value) throws DumpFormatException {
    if (value == null) {
      throw fieldError(
          name, values.containsKey(name) ? "null, but a value is required" : "missing");
    }
    return value;
  }

  DumpFormatException wrongType(String name, String expected, Object found) {
    return fieldError(name, "expected " + expected + ", found " + describe(found));
  }

  /** A problem with one field of this object. */
  DumpFormatException fieldError(String name, String problem) {
    return new DumpFormatException(file, line, path + "." + name + ": " + problem);
  }

  /** A found value as a message shows it: strings quoted and shortened, containers by kind. */
  static String describe(Object value) {
    if (value instanceof String text) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      return '"' + shown + '"';
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return String.valueOf(value);
  }
}
