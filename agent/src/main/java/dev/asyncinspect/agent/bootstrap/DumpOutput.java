package dev.asyncinspect.agent.bootstrap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Where dump lines go, counting them by record type for the end record. To a file: a temporary file
 * beside the target, renamed over the target when complete, so the target name only ever holds a
 * complete dump, readable by its owner only. Or to a stream (the control channel).
 */
final class DumpOutput implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final GZIPOutputStream gzip;
  private final BufferedWriter writer;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private boolean committed;

  DumpOutput(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    String prefix = "." + this.target.getFileName() + ".";
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      temp =
          Files.createTempFile(
              dir,
              prefix,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      temp = Files.createTempFile(dir, prefix, ".tmp");
    }
    channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    OutputStream stream = Channels.newOutputStream(channel);
    if (this.target.getFileName().toString().endsWith(".gz")) {
      gzip = new GZIPOutputStream(stream, 64 * 1024);
      stream = gzip;
    } else {
      gzip = null;
    }
    writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
  }

  /** Lines to {@code stream}, which the caller closes. */
  DumpOutput(OutputStream stream) {
    this.target = null;
    this.temp = null;
    this.channel = null;
    this.gzip = null;
    this.writer =
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
  }

  void line(String json, String type) throws IOException {
    writer.write(json);
    writer.write('\n');
    counts.merge(type, 1L, Long::sum);
  }

  Map<String, Long> counts() {
    return counts;
  }

  /** Flushes to disk and renames the temporary file to the target (a stream: flushes it). */
  void commit() throws IOException {
    writer.flush();
    if (target == null) {
      committed = true;
      return;
    }
    if (gzip != null) {
      gzip.finish();
    }
    channel.force(true);
    writer.close();
    committed = true;
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public void close() throws IOException {
    if (!committed && target != null) {
      try {
        writer.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
