package io.tablestream;

import java.io.IOException;
import java.io.InputStream;

/** Reads a TableStream batch by batch (spec section 5). */
public final class StreamReader implements AutoCloseable {
  private final InputStream in;

  public StreamReader(InputStream in) throws IOException {
    this.in = in;
    byte[] magic = in.readNBytes(4);
    if (magic.length != 4 || magic[0] != 'T' || magic[1] != 'B' || magic[2] != 'S' || magic[3] != '1') {
      throw new IOException("not a TableStream: missing TBS1 magic");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
