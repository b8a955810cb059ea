package dev.asyncinspect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The client side of the agent's control channel (docs/control-channel.md): where the sockets are,
 * and one request over one of them, with a time limit so that a frozen JVM cannot hang the command
 * line.
 */
final class ControlSockets {
  static final long TIMEOUT_MILLIS = 30_000;

  /** The per-user socket folder, found the same way the agent finds it. */
  static Path directory() {
    String override = System.getProperty("asyncinspect.controlDir");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
      return Path.of(runtime, "async-inspect");
    }
    return Path.of(
        System.getProperty("java.io.tmpdir"), "async-inspect-" + System.getProperty("user.name"));
  }

  static Path socketOf(long pid) {
    return directory().resolve(pid + ".sock");
  }

  /** The pids that have a socket, whether or not their JVM still runs. */
  static List<Long> pids() throws IOException {
    List<Long> pids = new ArrayList<>();
    Path dir = directory();
    if (!Files.isDirectory(dir)) {
      return pids;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            String name = f.getFileName().toString();
            if (name.endsWith(".sock")) {
              try {
                pids.add(Long.parseLong(name.substring(0, name.length() - ".sock".length())));
              } catch (NumberFormatException notOurs) {
                // not a socket of the agent's
              }
            }
          });
    }
    pids.sort(Long::compare);
    return pids;
  }

  /**
   * Sends {@code request} to the JVM {@code pid} and copies the answer to {@code sink}. Throws
   * {@link IOException} when there is no channel or it does not answer in time.
   */
  static void request(long pid, String request, OutputStream sink) throws JvmAccessException {
    AtomicReference<IOException> failure = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socketOf(pid)));
                ByteBuffer line =
                    ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8));
                while (line.hasRemaining()) {
                  channel.write(line);
                }
                try (InputStream in = Channels.newInputStream(channel)) {
                  in.transferTo(sink);
                }
              } catch (IOException e) {
                failure.set(e);
              }
            },
            "control-request-" + pid);
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JvmAccessException("interrupted while waiting for JVM " + pid);
    }
    if (worker.isAlive()) {
      worker.interrupt();
      throw new JvmAccessException(
          "JVM " + pid + " did not answer within " + TIMEOUT_MILLIS / 1000 + " s");
    }
    if (failure.get() != null) {
      throw new JvmAccessException(
          "no answer from JVM " + pid + " on " + socketOf(pid) + ": " + failure.get().getMessage(),
          failure.get());
    }
  }

  private ControlSockets() {}
}
