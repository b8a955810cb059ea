package dev.asyncinspect.analyzer.dump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the arrays and maps among an object's fields, with the same messages as {@link
 * JsonFields}: an element's path includes its index, e.g. {@code object.waiters[1]}. Absent
 * containers read as empty, as the model never holds null collections.
 */
final class JsonContainers {
  private JsonContainers() {}

  /** Two integers, as in a histogram's {@code [bucket, count]}. */
  record Pair(long first, long second) {}

  /** An array of objects. */
  static List<JsonFields> objectList(JsonFields f, String name) throws DumpFormatException {
    return list(f, name, (element, at) -> f.nested(f.path() + "." + name + at, name, element));
  }

  /** An array of integers. */
  static List<Long> longList(JsonFields f, String name) throws DumpFormatException {
    return list(f, name, (element, at) -> f.toLong(name + at, element));
  }

  /** An array of 32-bit integers. */
  static List<Integer> intList(JsonFields f, String name) throws DumpFormatException {
    return list(f, name, (element, at) -> f.toInt(name + at, element));
  }

  /** An array of two-integer arrays. */
  static List<Pair> pairList(JsonFields f, String name) throws DumpFormatException {
    return list(
        f,
        name,
        (element, at) -> {
          if (element instanceof List<?> pair && pair.size() == 2) {
            Long first = f.toLong(name + at + "[0]", pair.get(0));
            Long second = f.toLong(name + at + "[1]", pair.get(1));
            if (first != null && second != null) {
              return new Pair(first, second);
            }
          }
          throw f.wrongType(name + at, "an array of two integers", element);
        });
  }

  /** An object whose values are strings, numbers or booleans, read as text. */
  static Map<String, String> stringMap(JsonFields f, String name) throws DumpFormatException {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map(f, name).entrySet()) {
      Object value = entry.getValue();
      if (value == null) {
        continue; // omitted, like a null field
      }
      if (value instanceof Map || value instanceof List) {
        throw f.wrongType(name + "." + entry.getKey(), "a string", value);
      }
      result.put(entry.getKey(), String.valueOf(value));
    }
    return result;
  }

  /** An object whose values are integers. */
  static Map<String, Long> longMap(JsonFields f, String name) throws DumpFormatException {
    Map<String, Long> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map(f, name).entrySet()) {
      String key = name + "." + entry.getKey();
      Long value = f.toLong(key, entry.getValue());
      if (value == null) {
        throw f.wrongType(key, "an integer", null);
      }
      result.put(entry.getKey(), value);
    }
    return result;
  }

  private static Map<String, Object> map(JsonFields f, String name) throws DumpFormatException {
    Object value = f.value(name);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) map;
      return fields;
    }
    throw f.wrongType(name, "an object", value);
  }

  private interface ElementReader<T> {
    /** Reads one element; {@code at} is its index as a path suffix, {@code [3]}. */
    T read(Object element, String at) throws DumpFormatException;
  }

  private static <T> List<T> list(JsonFields f, String name, ElementReader<T> reader)
      throws DumpFormatException {
    Object value = f.value(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> elements)) {
      throw f.wrongType(name, "an array", value);
    }
    List<T> result = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      T element = reader.read(elements.get(i), "[" + i + "]");
      if (element == null) {
        throw f.fieldError(name + "[" + i + "]", "null in an array");
      }
      result.add(element);
    }
    return result;
  }
}
