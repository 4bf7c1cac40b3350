package dev.niche.segmentation;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The binary format of {@link KMeansModel#writeTo} (version 1, big-endian); the layout is
 * documented there. Reading allocates in blocks as bytes arrive, so a header that declares
 * huge sizes over a short stream fails with an {@link EOFException}, not an OutOfMemoryError.
 */
final class ModelFormat {

  /** "NKMM": Niche K-Means Model. */
  static final int MAGIC = 0x4E4B4D4D;

  /** The version this class writes and reads. */
  static final int VERSION = 1;

  /** The largest array length the reader accepts (the JVM's practical limit). */
  static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  /** Values read per block. */
  private static final int BLOCK = 4096;

  /** Algorithm codes of the format (fixed; not enum ordinals). */
  private static final KMeansAlgorithm[] ALGORITHMS = {
    KMeansAlgorithm.AUTO, KMeansAlgorithm.LLOYD, KMeansAlgorithm.HAMERLY, KMeansAlgorithm.ELKAN
  };

  private ModelFormat() {}

  static void write(KMeansModel model, double[] centres, int[] labels, double[] history,
      OutputStream out) throws IOException {
    DataOutputStream o = new DataOutputStream(new BufferedOutputStream(out));
    o.writeInt(MAGIC);
    o.writeInt(VERSION);
    o.writeInt(model.k());
    o.writeInt(model.dimension());
    for (double v : centres) {
      o.writeDouble(v);
    }
    o.writeDouble(model.inertia());
    o.writeInt(model.iterations());
    o.writeByte(model.converged() ? 1 : 0);
    o.writeByte(Arrays.asList(ALGORITHMS).indexOf(model.algorithm()));
    o.writeInt(history.length);
    for (double v : history) {
      o.writeDouble(v);
    }
    o.writeInt(labels.length);
    for (int v : labels) {
      o.writeInt(v);
    }
    o.flush();
  }

  static KMeansModel read(InputStream in) throws IOException {
    DataInputStream i = new DataInputStream(in);
    int magic = readInt(i, "magic");
    if (magic != MAGIC) {
      throw new IOException(String.format(
          "not a Niche k-means model: magic 0x%08X, expected 0x%08X (\"NKMM\")", magic, MAGIC));
    }
    int version = readInt(i, "version");
    if (version != VERSION) {
      throw new IOException("unsupported k-means model format version " + version
          + "; this reader reads version " + VERSION);
    }
    int k = readInt(i, "k");
    int d = readInt(i, "d");
    if (k < 1 || d < 1 || (long) k * d > MAX_LENGTH) {
      throw new IOException("invalid model: k = " + k + ", d = " + d
          + "; both must be >= 1 and k * d <= " + MAX_LENGTH);
    }
    double[] centres = readDoubles(i, k * d, "centroids");
    for (int t = 0; t < centres.length; t++) {
      if (!Double.isFinite(centres[t])) {
        throw new IOException("invalid model: centroids[" + t / d + "][" + t % d + "] = "
            + centres[t] + " must be finite");
      }
    }
    double inertia = readDouble(i, "inertia");
    if (!(inertia >= 0) || Double.isInfinite(inertia)) {
      throw new IOException("invalid model: inertia = " + inertia + " must be finite and >= 0");
    }
    int iterations = readInt(i, "iterations");
    if (iterations < 0) {
      throw new IOException("invalid model: iterations = " + iterations + " must be >= 0");
    }
    int converged = readByte(i, "converged");
    if (converged != 0 && converged != 1) {
      throw new IOException("invalid model: converged = " + converged + " must be 0 or 1");
    }
    int code = readByte(i, "algorithm");
    if (code < 0 || code >= ALGORITHMS.length) {
      throw new IOException("invalid model: algorithm code " + code + " must be in [0, "
          + ALGORITHMS.length + ")");
    }
    double[] history = readDoubles(i, readLength(i, "history length"), "history");
    for (int t = 0; t < history.length; t++) {
      if (!(history[t] >= 0) || Double.isInfinite(history[t])) {
        throw new IOException(
            "invalid model: history[" + t + "] = " + history[t] + " must be finite and >= 0");
      }
    }
    int[] labels = readInts(i, readLength(i, "label count"), "labels");
    for (int t = 0; t < labels.length; t++) {
      if (labels[t] < 0 || labels[t] >= k) {
        throw new IOException(
            "invalid model: labels[" + t + "] = " + labels[t] + " must be in [0, " + k + ")");
      }
    }
    return new KMeansModel(centres, k, d, labels, inertia, iterations, converged == 1, history,
        ALGORITHMS[code]);
  }

  private static int readLength(DataInputStream in, String field) throws IOException {
    int n = readInt(in, field);
    if (n < 0 || n > MAX_LENGTH) {
      throw new IOException("invalid model: " + field + " = " + n + " must be in [0, "
          + MAX_LENGTH + "]");
    }
    return n;
  }

  private static int readInt(DataInputStream in, String field) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw truncated(field);
    }
  }

  private static int readByte(DataInputStream in, String field) throws IOException {
    try {
      return in.readUnsignedByte();
    } catch (EOFException e) {
      throw truncated(field);
    }
  }

  private static double readDouble(DataInputStream in, String field) throws IOException {
    try {
      return in.readDouble();
    } catch (EOFException e) {
      throw truncated(field);
    }
  }

  private static double[] readDoubles(DataInputStream in, int count, String field)
      throws IOException {
    double[] out = new double[Math.min(count, BLOCK)];
    byte[] buf = new byte[8 * Math.min(count, BLOCK)];
    for (int done = 0; done < count; ) {
      int m = Math.min(BLOCK, count - done);
      readFully(in, buf, 8 * m, 8, field, done, count);
      if (done + m > out.length) {
        out = Arrays.copyOf(out, (int) Math.min(count, 2L * out.length));
      }
      ByteBuffer.wrap(buf, 0, 8 * m).asDoubleBuffer().get(out, done, m);
      done += m;
    }
    return out;
  }

  private static int[] readInts(DataInputStream in, int count, String field) throws IOException {
    int[] out = new int[Math.min(count, BLOCK)];
    byte[] buf = new byte[4 * Math.min(count, BLOCK)];
    for (int done = 0; done < count; ) {
      int m = Math.min(BLOCK, count - done);
      readFully(in, buf, 4 * m, 4, field, done, count);
      if (done + m > out.length) {
        out = Arrays.copyOf(out, (int) Math.min(count, 2L * out.length));
      }
      ByteBuffer.wrap(buf, 0, 4 * m).asIntBuffer().get(out, done, m);
      done += m;
    }
    return out;
  }

  private static void readFully(DataInputStream in, byte[] buf, int bytes, int width,
      String field, int done, int count) throws IOException {
    try {
      in.readFully(buf, 0, bytes);
    } catch (EOFException e) {
      throw new EOFException("truncated k-means model: the stream ends within " + field
          + " values " + done + " to " + (done + bytes / width - 1) + " of " + count);
    }
  }

  private static EOFException truncated(String field) {
    return new EOFException("truncated k-means model: the stream ends before " + field);
  }
}
