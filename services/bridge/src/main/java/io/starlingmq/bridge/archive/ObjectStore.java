package io.starlingmq.bridge.archive;

/** Where archive objects are written; {@link #put} returns once the store has the object (or throws). */
public interface ObjectStore extends AutoCloseable {

    void put(String bucket, String key, byte[] body, String contentType);

    @Override
    void close();
}
