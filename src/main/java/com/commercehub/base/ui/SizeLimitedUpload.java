package com.commercehub.base.ui;

import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

import java.io.IOException;
import java.io.InputStream;

/**
 * An in-memory upload with its limit enforced on the server. {@code Upload.setMaxFileSize} and the accepted types
 * are checked by the browser only, and Vaadin's own in-memory handler buffers whatever arrives: a hand-made request
 * could fill the heap. Here Vaadin refuses a request announcing more than the limit before reading it, and a body
 * without a length (chunked) is read to one byte past the limit and then refused; either way nothing reaches
 * {@code received}, and {@code tooLarge} is told so the view can say why.
 */
public final class SizeLimitedUpload implements UploadHandler {

    /** Room for the multipart envelope around the file. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    private final int maxBytes;
    private final InMemoryUploadCallback received;
    private final SerializableRunnable tooLarge;

    private SizeLimitedUpload(int maxBytes, InMemoryUploadCallback received, SerializableRunnable tooLarge) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.tooLarge = tooLarge;
    }

    public static SizeLimitedUpload inMemory(int maxBytes, InMemoryUploadCallback received, SerializableRunnable tooLarge) {
        return new SizeLimitedUpload(maxBytes, received, tooLarge);
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] data;
        try (InputStream in = event.getInputStream()) {
            data = in.readNBytes(maxBytes + 1);
        }
        if (data.length > maxBytes) {
            event.reject("file too large");
            tooLarge.run();
            return;
        }
        received.complete(new UploadMetadata(event.getFileName(), event.getContentType(), data.length), data);
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + ENVELOPE_BYTES;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
