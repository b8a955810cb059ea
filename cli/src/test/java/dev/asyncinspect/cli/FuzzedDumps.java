package dev.asyncinspect.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Bad dumps made from good ones, for {@link DumpFuzzTest}: each is a pure function of a seed dump
 * and a {@code Random} seed, so that a failing case is made again from the seed its message names.
 */
final class FuzzedDumps {
  /** The ways to spoil a dump; each case applies one to three of them. */
  enum Mutation {
    TRUNCATE,
    FLIP_BYTES,
    INSERT_BYTES,
    DELETE_RANGE,
    REPLACE_VALUE,
    SMALL_NUMBERS,
    SHUFFLE_NUMBERS,
    SHUFFLE_ENUMS,
    DROP_FIELD,
    REORDER_LINES,
    HUGE_LINE,
    DEEP_NESTING,
    INVALID_UTF8,
    RANDOM_BYTES
  }

  /** A bad input: its bytes, whether to name it {@code .gz}, and how it was made. */
  record Input(byte[] bytes, boolean gzip, String description) {}

  private static final Pattern VALUE =
      Pattern.compile(
          "-?\\d++(?:\\.\\d++)?+(?:[eE][-+]?\\d++)?+|\"(?:[^\"\\\\]++|\\\\.)*+\"|true|false");
  private static final Pattern FIELD =
      Pattern.compile(
          ",\"\\w++\":(?:-?\\d++|\"(?:[^\"\\\\]++|\\\\.)*+\"|true|false|\\[[^\\[\\]]*+\\]|\\{[^{}]*+\\})");
  private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,])\\d++(?=[,\\]}])");
  // The values of kind and state fields: swapped, they stay valid but no longer agree with the
  // rest of the record (BLOCKED without an await, RUNNING with one, COMPLETED without an end).
  private static final Pattern ENUM =
      Pattern.compile(
          "(?<=\"(?:state|kind|executorKind)\":)\"(?:QUEUED|RUNNING|BLOCKED|SUSPENDED|COMPLETED"
              + "|FAILED|CANCELLED|ASYNC|SYNC|SPAWNED|FUTURE|LOCK|MONITOR|CONDITION|LATCH"
              + "|SEMAPHORE|QUEUE|THREAD|EXECUTOR|OTHER|SLEEP|PARK|WAIT|THREAD_POOL|FORK_JOIN"
              + "|COMMON_POOL|THREAD_PER_TASK|WAITING|RUNNABLE)\"");
  private static final String[] REPLACEMENTS = {
    "-1",
    "0",
    "9223372036854775807",
    "-9223372036854775808",
    "99999999999999999999999999",
    "1e308",
    "-0.5",
    "\"\"",
    "\"x\"",
    "null",
    "true",
    "[]",
    "{}",
    "[1,2,3]",
    "{\"a\":1}",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"RUNNING\"",
    "\"BLOCKED\"",
    "\"FUTURE\""
  };

  private FuzzedDumps() {}

  static Input make(byte[] seed, long caseSeed) {
    Random random = new Random(caseSeed);
    byte[] bytes = seed;
    StringBuilder description = new StringBuilder();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      Mutation mutation = pick(random);
      description.append(i == 0 ? "" : ", ").append(mutation);
      bytes = apply(mutation, bytes, random);
    }
    boolean gzip = random.nextInt(10) == 0;
    if (gzip) {
      bytes = gzip(bytes);
      if (random.nextBoolean()) {
        bytes =
            apply(random.nextBoolean() ? Mutation.TRUNCATE : Mutation.FLIP_BYTES, bytes, random);
        description.append(", gzip then spoiled");
      } else {
        description.append(", gzip");
      }
    }
    return new Input(bytes, gzip, description.toString());
  }

  /** A mutation; the costly ones (megabytes to parse) rarely, so that thousands stay quick. */
  private static Mutation pick(Random random) {
    int roll = random.nextInt(100);
    if (roll < 2) {
      return Mutation.HUGE_LINE;
    }
    if (roll < 5) {
      return Mutation.DEEP_NESTING;
    }
    Mutation[] cheap = {
      Mutation.TRUNCATE,
      Mutation.FLIP_BYTES,
      Mutation.INSERT_BYTES,
      Mutation.DELETE_RANGE,
      Mutation.REPLACE_VALUE,
      Mutation.SMALL_NUMBERS,
      Mutation.SHUFFLE_NUMBERS,
      Mutation.SHUFFLE_ENUMS,
      Mutation.SHUFFLE_ENUMS,
      Mutation.DROP_FIELD,
      Mutation.REORDER_LINES,
      Mutation.INVALID_UTF8,
      Mutation.RANDOM_BYTES
    };
    return cheap[random.nextInt(cheap.length)];
  }

  static byte[] apply(Mutation mutation, byte[] bytes, Random random) {
    return switch (mutation) {
      case TRUNCATE -> slice(bytes, 0, random.nextInt(bytes.length + 1));
      case FLIP_BYTES -> flip(bytes, random);
      case INSERT_BYTES -> insert(bytes, randomBytes(random, 1 + random.nextInt(64)), random);
      case DELETE_RANGE -> delete(bytes, random);
      case REPLACE_VALUE -> replaceValues(bytes, random);
      case SMALL_NUMBERS -> smallNumbers(bytes, random);
      case SHUFFLE_NUMBERS -> shuffle(bytes, NUMBER, random);
      case SHUFFLE_ENUMS -> shuffle(bytes, ENUM, random);
      case DROP_FIELD -> dropField(bytes, random);
      case REORDER_LINES -> reorder(bytes, random);
      case HUGE_LINE -> insertLine(bytes, hugeLine(random), random);
      case DEEP_NESTING -> insertLine(bytes, deepLine(random), random);
      case INVALID_UTF8 -> invalidUtf8(bytes, random);
      case RANDOM_BYTES -> randomBytes(random, random.nextInt(4096));
    };
  }

  private static byte[] flip(byte[] bytes, Random random) {
    byte[] copy = bytes.clone();
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }

  private static byte[] insert(byte[] bytes, byte[] inserted, Random random) {
    int at = random.nextInt(bytes.length + 1);
    byte[] result = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
    return result;
  }

  private static byte[] delete(byte[] bytes, Random random) {
    if (bytes.length == 0) {
      return bytes;
    }
    int from = random.nextInt(bytes.length);
    int to = Math.min(bytes.length, from + 1 + random.nextInt(256));
    byte[] result = new byte[bytes.length - (to - from)];
    System.arraycopy(bytes, 0, result, 0, from);
    System.arraycopy(bytes, to, result, from, bytes.length - to);
    return result;
  }

  /** A few JSON values (numbers, strings, booleans) replaced by odd ones. */
  private static byte[] replaceValues(byte[] bytes, Random random) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<int[]> values = new ArrayList<>();
    Matcher matcher = VALUE.matcher(text);
    while (matcher.find()) {
      values.add(new int[] {matcher.start(), matcher.end()});
    }
    if (values.isEmpty()) {
      return bytes;
    }
    StringBuilder result = new StringBuilder(text);
    int replacements = 1 + random.nextInt(4);
    List<int[]> chosen = new ArrayList<>();
    for (int i = 0; i < replacements; i++) {
      chosen.add(values.get(random.nextInt(values.size())));
    }
    chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
    int last = Integer.MAX_VALUE;
    for (int[] value : chosen) {
      if (value[1] <= last) {
        result.replace(value[0], value[1], REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
        last = value[0];
      }
    }
    return result.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every integer made small: ids collide, refer to themselves, parents form cycles. */
  private static byte[] smallNumbers(byte[] bytes, Random random) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Matcher matcher = Pattern.compile("(?<=[:\\[,])\\d+(?=[,\\]}])").matcher(text);
    StringBuilder result = new StringBuilder();
    int bound = 1 + random.nextInt(6);
    while (matcher.find()) {
      matcher.appendReplacement(result, Integer.toString(random.nextInt(bound)));
    }
    matcher.appendTail(result);
    return result.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Some of the values a pattern finds, each replaced by another value it found. */
  private static byte[] shuffle(byte[] bytes, Pattern pattern, Random random) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    if (found.isEmpty()) {
      return bytes;
    }
    int percent = 5 + random.nextInt(50);
    StringBuilder result = new StringBuilder();
    matcher.reset();
    while (matcher.find()) {
      String value =
          random.nextInt(100) < percent ? found.get(random.nextInt(found.size())) : matcher.group();
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] dropField(byte[] bytes, Random random) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<int[]> fields = new ArrayList<>();
    Matcher matcher = FIELD.matcher(text);
    while (matcher.find()) {
      fields.add(new int[] {matcher.start(), matcher.end()});
    }
    if (fields.isEmpty()) {
      return bytes;
    }
    int[] field = fields.get(random.nextInt(fields.size()));
    return (text.substring(0, field[0]) + text.substring(field[1]))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] reorder(byte[] bytes, Random random) {
    List<String> lines =
        new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    if (lines.size() < 2) {
      return bytes;
    }
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    switch (random.nextInt(3)) {
      case 0 -> lines.remove(a);
      case 1 -> lines.add(b, lines.get(a));
      default -> {
        String swap = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, swap);
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  /** A line of one to four megabytes: a long name, or a long array. */
  private static String hugeLine(Random random) {
    int size = (1 + random.nextInt(4)) << 20;
    if (random.nextBoolean()) {
      return "{\"type\":\"task\",\"id\":77,\"method\":1,\"name\":\""
          + "a".repeat(size)
          + "\",\"kind\":\"SYNC\",\"state\":\"RUNNING\",\"start\":1,\"stateSince\":1,"
          + "\"transitions\":1,\"runningNanos\":0,\"blockedNanos\":0,\"suspendedNanos\":0}";
    }
    StringBuilder line = new StringBuilder("{\"type\":\"object\",\"id\":77,\"kind\":\"LOCK\",");
    line.append("\"class\":\"L\",\"identity\":\"1\",\"waiters\":[");
    for (int i = 0; line.length() < size; i++) {
      line.append(i == 0 ? "" : ",").append(i);
    }
    return line.append("]}").toString();
  }

  /** A line nested thousands of arrays or objects deep, closed or not. */
  private static String deepLine(Random random) {
    int depth = 1_000 + random.nextInt(200_000);
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    String value = open.repeat(depth) + (random.nextBoolean() ? "1" + close.repeat(depth) : "");
    String[] types = {"thread", "task", "object", "header", "event", "nonsense"};
    return "{\"type\":\"" + types[random.nextInt(types.length)] + "\",\"stack\":" + value + "}";
  }

  private static byte[] insertLine(byte[] bytes, String line, Random random) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      starts.add(i + 1);
    }
    int at = starts.get(random.nextInt(starts.size()));
    byte[] inserted = (line + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] result = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
    return result;
  }

  /** Bytes that are not UTF-8, put inside a string value (or anywhere). */
  private static byte[] invalidUtf8(byte[] bytes, Random random) {
    byte[][] bad = {
      {(byte) 0xFF},
      {(byte) 0xC3, (byte) 0x28},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82}
    };
    byte[] inserted = bad[random.nextInt(bad.length)];
    List<Integer> quotes = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '"') {
        quotes.add(i + 1);
      }
    }
    if (quotes.isEmpty() || random.nextInt(4) == 0) {
      return insert(bytes, inserted, random);
    }
    int at = quotes.get(random.nextInt(quotes.size()));
    byte[] result = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
    return result;
  }

  private static byte[] randomBytes(Random random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    byte[] result = new byte[to - from];
    System.arraycopy(bytes, from, result, 0, result.length);
    return result;
  }

  static byte[] gzip(byte[] bytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(bytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
