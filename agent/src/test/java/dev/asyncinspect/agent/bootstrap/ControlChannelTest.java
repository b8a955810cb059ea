package dev.asyncinspect.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control channel answers its requests, refuses bad ones with an error reply, and keeps
 * serving. (Surefire points {@code asyncinspect.controlDir} at a folder of this build.)
 */
class ControlChannelTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Recorder recorder;

  @BeforeAll
  static void open() throws IOException, InterruptedException {
    Registry registry = new Registry();
    recorder = new Recorder(registry, RecorderSettings.defaults());
    MethodSite method = registry.method("demo.Service", "call", "()V");
    recorder.start(method, null, ThreadState.current()); // one live task, RUNNING
    ControlChannel channel =
        ControlChannel.start(new DumpWriter(recorder, "test", Map.of()), recorder, "test", 10_000);
    assertThat(channel.awaitOpen(30_000)).as("channel open").isTrue();
  }

  @Test
  void folderIsClosedToOthersAndHoldsThisJvmsSocket() throws IOException {
    Path dir = ControlDirectory.path();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(dir.resolve(ProcessHandle.current().pid() + ".sock")).exists();
  }

  @Test
  void infoSaysWhoThisJvmIs() throws IOException {
    JsonNode info = JSON.readTree(request("INFO\n").get(0));
    assertThat(info.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
    assertThat(info.path("liveTasks").asLong()).isEqualTo(1);
    assertThat(info.path("stuckTasks").asLong()).isZero();
    assertThat(info.path("agentVersion").asText()).isEqualTo("test");
  }

  @Test
  void dumpAndSnapshotStreamTheDumpFormat() throws IOException {
    List<String> dump = request("DUMP\n");
    assertThat(JSON.readTree(dump.get(0)).path("type").asText()).isEqualTo("header");
    assertThat(JSON.readTree(dump.get(dump.size() - 1)).path("type").asText()).isEqualTo("end");
    List<String> snapshot = request("SNAPSHOT\n");
    assertThat(snapshot.stream().map(l -> type(l)).collect(Collectors.toList()))
        .contains("header", "method", "task", "end")
        .doesNotContain("event", "methodStats");
    assertThat(request("STATS\n").stream().map(l -> type(l)).collect(Collectors.toList()))
        .contains("methodStats")
        .doesNotContain("task");
  }

  @Test
  void badRequestsGetAnErrorAndTheChannelKeepsServing() throws IOException {
    assertThat(JSON.readTree(request("DROP TABLES\n").get(0)).path("error").asText())
        .startsWith("unknown request 'DROP TABLES'");
    String huge = "X".repeat(10_000) + "\n";
    assertThat(JSON.readTree(request(huge).get(0)).path("error").asText())
        .startsWith("request too long");
    assertThat(JSON.readTree(request("INFO").get(0)).path("error").asText())
        .contains("not ended by a newline");
    assertThat(JSON.readTree(request("INFO\n").get(0)).has("pid")).isTrue();
  }

  private static String type(String line) {
    try {
      return JSON.readTree(line).path("type").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code text} and reads the whole reply (the agent closes the connection). */
  private static List<String> request(String text) throws IOException {
    Path socket = ControlDirectory.path().resolve(ProcessHandle.current().pid() + ".sock");
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      try {
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      } catch (IOException refusedMidway) {
        // the agent stops reading a request that is too long; its reply is still there
      }
      if (!text.endsWith("\n")) {
        channel.shutdownOutput();
      }
      byte[] reply = Channels.newInputStream(channel).readAllBytes();
      return new String(reply, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }
  }
}
