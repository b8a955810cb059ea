package dev.asyncinspect.analyzer.dump;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Splits a dump's bytes into lines without decoding them: {@code '\n'} never occurs inside a UTF-8
 * multi-byte sequence, and the JSON parser decodes UTF-8 itself, so a line cut in the middle of a
 * character is seen as broken JSON rather than as a decoding error.
 *
 * <p>Unlike {@code BufferedReader.readLine}, it tells whether the last line ended with a newline (a
 * missing one marks a line cut short), and it stops collecting a line at a length limit so that a
 * binary file cannot fill the heap.
 */
final class DumpLines {
  private final Path file;
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[1024];
  private int length;
  private int number;
  private boolean terminated;
  private boolean tooLong;
  private boolean endOfInput;
  private boolean inputCutShort;

  DumpLines(Path file, InputStream in) {
    this.file = file;
    this.in = in;
  }

  /**
   * Moves to the next line; false at the end of the input. A line longer than {@code maxLength}
   * bytes is returned cut at that length, with {@link #tooLong()} set; the caller must stop then.
   */
  boolean next(int maxLength) throws IOException {
    length = 0;
    terminated = false;
    tooLong = false;
    while (!endOfInput) {
      if (position == limit && !fill()) {
        break;
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      if (!append(end - position, maxLength)) {
        tooLong = true;
        number++;
        return true;
      }
      if (newline >= 0) {
        position = newline + 1;
        terminated = true;
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        number++;
        return true;
      }
      position = limit;
    }
    if (length == 0) {
      return false;
    }
    number++;
    return true;
  }

  byte[] bytes() {
    return line;
  }

  /**
   * For reading the next line where it lies, in the read buffer, without copying it ({@link
   * DumpReader}'s fast paths): refills the buffer when it is used up; false at the end of the
   * input. The line starts at {@link #position()}; the buffer holds bytes up to {@link #limit()},
   * which may end before the line does.
   */
  boolean bufferNextLine() throws IOException {
    return position < limit || (!endOfInput && fill());
  }

  byte[] buffer() {
    return buffer;
  }

  int position() {
    return position;
  }

  int limit() {
    return limit;
  }

  /** Moves past a line read in place whose newline is at {@code newline} in the buffer. */
  void skipLineReadInPlace(int newline) {
    position = newline + 1;
    number++;
    length = 0;
    terminated = true;
    tooLong = false;
  }

  int length() {
    return length;
  }

  /** The current line's number, from 1. */
  int number() {
    return number;
  }

  /** Whether the current line ended with a newline; only the last line of a file may not. */
  boolean terminated() {
    return terminated;
  }

  boolean tooLong() {
    return tooLong;
  }

  /** Whether compressed input ended in the middle of its data, as in a file cut short. */
  boolean inputCutShort() {
    return inputCutShort;
  }

  private boolean fill() throws IOException {
    int read;
    try {
      read = in.read(buffer);
    } catch (EOFException e) {
      // GZIPInputStream's way of saying the compressed data stops early: a truncated file.
      inputCutShort = true;
      read = -1;
    } catch (ZipException e) {
      throw new DumpFormatException(
          file, 0, "corrupt gzip data after line " + number + ": " + e.getMessage(), e);
    }
    if (read <= 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean append(int count, int maxLength) {
    if ((long) length + count > maxLength) {
      return false;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(length + count, line.length * 2));
    }
    System.arraycopy(buffer, position, line, length, count);
    length += count;
    return true;
  }
}
