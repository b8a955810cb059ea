package dev.asyncinspect.testapps.oddcode;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes, byte by byte, a class with one traced method near the JVM's limit of 65535 bytes of code
 * per method, too large to write as Java source:
 *
 * <pre>
 * public final class NAME {
 *   &#64;Trace
 *   public static long compute(CompletableFuture&lt;Long&gt; future, long s) {
 *     s = s * 31 + future.join();   // repeated JOINS times: each one an await point
 *     ;                             // PADDING times: a nop
 *     return s;
 *   }
 * }
 * </pre>
 *
 * <p>The code is straight-line (no branch), so it needs no stack map frames.
 */
public final class HugeMethods {
  private static final int JOIN_SIZE = 17;
  private static final int PADDING_SIZE = 1;

  /** The bytes of the method's code for that many joins and padding steps. */
  public static int codeLength(int joins, int padding) {
    return joins * JOIN_SIZE + padding * PADDING_SIZE + 2;
  }

  /** The class file of {@code binaryName}, for JDK 17 (class file version 61). */
  public static byte[] classFile(String binaryName, int joins, int padding) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(0xCAFEBABE);
      out.writeShort(0);
      out.writeShort(61);
      writeConstants(out, binaryName.replace('.', '/'));
      out.writeShort(0x0001 | 0x0010 | 0x0020); // public final super
      out.writeShort(2); // this class
      out.writeShort(4); // super class
      out.writeShort(0); // interfaces
      out.writeShort(0); // fields
      out.writeShort(1); // methods
      out.writeShort(0x0001 | 0x0008); // public static
      out.writeShort(5);
      out.writeShort(6);
      out.writeShort(2); // attributes: Code, RuntimeVisibleAnnotations
      byte[] code = code(joins, padding);
      out.writeShort(7);
      out.writeInt(2 + 2 + 4 + code.length + 2 + 2);
      out.writeShort(6); // max stack
      out.writeShort(3); // max locals: future, s (two slots)
      out.writeInt(code.length);
      out.write(code);
      out.writeShort(0); // exception table
      out.writeShort(0); // attributes of Code
      out.writeShort(8);
      out.writeInt(2 + 2 + 2);
      out.writeShort(1); // one annotation
      out.writeShort(9); // @Trace
      out.writeShort(0); // no element values
      out.writeShort(0); // class attributes
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeConstants(DataOutputStream out, String internalName) throws IOException {
    out.writeShort(24); // constant pool count: entries 1 to 23, the long takes two
    utf8(out, internalName); // 1
    classRef(out, 1); // 2
    utf8(out, "java/lang/Object"); // 3
    classRef(out, 3); // 4
    utf8(out, "compute"); // 5
    utf8(out, "(Ljava/util/concurrent/CompletableFuture;J)J"); // 6
    utf8(out, "Code"); // 7
    utf8(out, "RuntimeVisibleAnnotations"); // 8
    utf8(out, "Ldev/asyncinspect/annotations/Trace;"); // 9
    utf8(out, "java/util/concurrent/CompletableFuture"); // 10
    classRef(out, 10); // 11
    utf8(out, "join"); // 12
    utf8(out, "()Ljava/lang/Object;"); // 13
    nameAndType(out, 12, 13); // 14
    methodRef(out, 11, 14); // 15
    utf8(out, "java/lang/Long"); // 16
    classRef(out, 16); // 17
    utf8(out, "longValue"); // 18
    utf8(out, "()J"); // 19
    nameAndType(out, 18, 19); // 20
    methodRef(out, 17, 20); // 21
    out.writeByte(5); // 22 and 23: the long 31
    out.writeLong(31);
  }

  private static byte[] code(int joins, int padding) {
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    for (int i = 0; i < joins; i++) {
      code.write(0x1f); // lload_1
      code.writeBytes(new byte[] {0x14, 0, 22}); // ldc2_w 31L
      code.write(0x69); // lmul
      code.write(0x2a); // aload_0
      code.writeBytes(new byte[] {(byte) 0xb6, 0, 15}); // invokevirtual join
      code.writeBytes(new byte[] {(byte) 0xc0, 0, 17}); // checkcast Long
      code.writeBytes(new byte[] {(byte) 0xb6, 0, 21}); // invokevirtual longValue
      code.write(0x61); // ladd
      code.write(0x40); // lstore_1
    }
    for (int i = 0; i < padding; i++) {
      code.write(0x00); // nop
    }
    code.write(0x1f); // lload_1
    code.write(0xad); // lreturn
    return code.toByteArray();
  }

  private static void utf8(DataOutputStream out, String value) throws IOException {
    out.writeByte(1);
    out.writeUTF(value);
  }

  private static void classRef(DataOutputStream out, int name) throws IOException {
    out.writeByte(7);
    out.writeShort(name);
  }

  private static void nameAndType(DataOutputStream out, int name, int type) throws IOException {
    out.writeByte(12);
    out.writeShort(name);
    out.writeShort(type);
  }

  private static void methodRef(DataOutputStream out, int owner, int nameAndType)
      throws IOException {
    out.writeByte(10);
    out.writeShort(owner);
    out.writeShort(nameAndType);
  }

  private HugeMethods() {}
}
