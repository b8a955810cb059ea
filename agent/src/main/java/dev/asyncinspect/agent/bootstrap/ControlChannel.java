package dev.asyncinspect.agent.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent's local, read-only control channel (docs/control-channel.md): a Unix domain socket
 * {@code <pid>.sock} in a per-user folder that only its owner can enter. One request per
 * connection, one at a time, on the agent's own daemon thread, which also opens it: the application
 * never waits for it, not even at start-up. Nothing a request can say changes the application or
 * runs its code.
 */
public final class ControlChannel {
  static final int MAX_REQUEST = 1024;
  static final long READ_TIMEOUT_MILLIS = 2_000;

  private final ControlRequests requests;
  private final CountDownLatch opened = new CountDownLatch(1);

  // Guarded by this; touched only by the agent's own threads (opener, server, shutdown hook).
  private ServerSocketChannel server;
  private Path socket;
  private boolean closed;
  private boolean ready;

  private ControlChannel(ControlRequests requests) {
    this.requests = requests;
  }

  /**
   * Opens the channel on the agent's own daemon thread, which then serves it: opening it (the JDK's
   * networking set-up, the folder checks) takes a while, and the application's start must not wait
   * for it. A problem is one line on stderr and no channel.
   */
  public static ControlChannel start(
      DumpWriter writer, Recorder recorder, String agentVersion, long stuckMillis) {
    ControlChannel channel =
        new ControlChannel(new ControlRequests(writer, recorder, agentVersion, stuckMillis));
    try {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(channel.new Closer(), "async-inspect-control-close"));
      Thread thread = new Thread(channel.new Server(), "async-inspect-control");
      thread.setDaemon(true);
      thread.start();
    } catch (Throwable e) {
      AgentLog.warn("no control channel (ps, dump <pid> will not see this JVM): " + e);
      channel.opened.countDown();
    }
    return channel;
  }

  /** Waits until the channel is open or failed to open, at most {@code millis}; true if open. */
  public boolean awaitOpen(long millis) {
    try {
      opened.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      return ready && !closed;
    }
  }

  /** The agent's control thread: opens the channel, then serves it. */
  private final class Server implements Runnable {
    @Override
    public void run() {
      boolean open;
      try {
        open = open();
      } finally {
        opened.countDown();
      }
      if (open) {
        serve();
      }
    }
  }

  /** The shutdown hook: closes the channel and removes its socket file. */
  private final class Closer implements Runnable {
    @Override
    public void run() {
      close();
    }
  }

  private boolean open() {
    try {
      Path dir = ControlDirectory.ensure();
      Path path = dir.resolve(ProcessHandle.current().pid() + ".sock");
      // Bound under a temporary name, then renamed: a socket file is bound before it listens,
      // and a client that saw it in between would be refused. The rename makes it appear ready.
      Path opening = dir.resolve(ProcessHandle.current().pid() + ".sock.opening");
      synchronized (this) {
        if (closed) {
          return false; // the JVM is already shutting down
        }
        Files.deleteIfExists(opening); // left by an earlier process with our pid
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server = channel;
        socket = opening;
        channel.bind(UnixDomainSocketAddress.of(opening));
        Files.move(opening, path, StandardCopyOption.ATOMIC_MOVE);
        socket = path;
        ready = true;
      }
      return true;
    } catch (Throwable e) {
      boolean shuttingDown;
      synchronized (this) {
        shuttingDown = closed;
      }
      close();
      if (!shuttingDown) {
        AgentLog.warn("no control channel (ps, dump <pid> will not see this JVM): " + e);
      }
      return false;
    }
  }

  private void serve() {
    ServerSocketChannel server;
    synchronized (this) {
      server = this.server;
    }
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        answer(client);
      } catch (IOException e) {
        if (!server.isOpen()) {
          return;
        }
        // One client's broken connection: serve the next.
      } catch (Throwable e) {
        Recorder.internalError(e);
      }
    }
  }

  private void answer(SocketChannel client) throws IOException {
    String request = readRequest(client);
    if (request == null) {
      discardUnread(client);
    }
    client.configureBlocking(true);
    OutputStream out = Channels.newOutputStream(client);
    if (request == null) {
      ControlRequests.error(
          out,
          "request too long, not ended by a newline, or too slow (limit "
              + MAX_REQUEST
              + " bytes, "
              + READ_TIMEOUT_MILLIS
              + " ms)");
    } else {
      requests.answer(request, out);
    }
    out.flush();
  }

  /** The request line, or null when it is too long or does not arrive in time. */
  private static String readRequest(SocketChannel client) throws IOException {
    client.configureBlocking(false);
    ByteBuffer buffer = ByteBuffer.allocate(MAX_REQUEST);
    long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000;
    try (Selector selector = Selector.open()) {
      client.register(selector, SelectionKey.OP_READ);
      while (buffer.hasRemaining()) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline) {
          return null;
        }
        selector.selectedKeys().clear();
        int read = client.read(buffer);
        for (int i = buffer.position() - Math.max(read, 0); i < buffer.position(); i++) {
          if (buffer.get(i) == '\n') {
            return new String(buffer.array(), 0, i, StandardCharsets.UTF_8).trim();
          }
        }
        if (read < 0) {
          return null;
        }
      }
      return null;
    } // closing the selector deregisters the channel, so it can block again for the reply
  }

  /**
   * Before refusing a request that is too long, reads the rest of its line (briefly, and not
   * without limit): a Unix socket closed with input unread resets the connection, and the client
   * would lose the reply.
   */
  private static void discardUnread(SocketChannel client) throws IOException {
    ByteBuffer sink = ByteBuffer.allocate(8192);
    long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000;
    long left = 1 << 20;
    try (Selector selector = Selector.open()) {
      client.register(selector, SelectionKey.OP_READ);
      while (left > 0 && System.nanoTime() < deadline) {
        selector.select(50);
        selector.selectedKeys().clear();
        sink.clear();
        int read = client.read(sink);
        if (read < 0) {
          return;
        }
        for (int i = 0; i < sink.position(); i++) {
          if (sink.get(i) == '\n') {
            return;
          }
        }
        left -= read;
      }
    }
  }

  private synchronized void close() {
    closed = true;
    try {
      if (server != null) {
        server.close();
      }
      if (socket != null) {
        Files.deleteIfExists(socket);
      }
    } catch (IOException e) {
      // The JVM is exiting; a socket file left behind is cleaned up by `ps`.
    }
  }
}
