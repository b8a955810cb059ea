package dev.asyncinspect.e2e;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A minimal control-channel client, run as a program (possibly as another user): sends {@code INFO}
 * to the socket named by its argument and prints the answer, or {@code refused: } and the exception
 * when it cannot connect.
 */
public final class ControlClient {

  public static void main(String[] args) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
      channel.write(ByteBuffer.wrap("INFO\n".getBytes(StandardCharsets.UTF_8)));
      byte[] answer = Channels.newInputStream(channel).readAllBytes();
      System.out.print(new String(answer, StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      System.out.println("refused: " + e);
    }
  }

  private ControlClient() {}
}
