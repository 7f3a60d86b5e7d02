package com.commercehub.base.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.http.Part;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads past the limit are refused by the server, whatever the browser was told, without reading them whole. */
class SizeLimitedUploadTest {

    private static UploadEvent eventReading(InputStream body) {
        Part part = (Part) Proxy.newProxyInstance(Part.class.getClassLoader(), new Class<?>[]{Part.class},
                (proxy, method, args) -> method.getName().equals("getInputStream") ? body : null);
        return new UploadEvent(null, null, null, "products.csv", -1, "text/csv", null, part);
    }

    @Test
    void an_endless_upload_is_refused_after_one_byte_past_the_limit_and_nothing_is_handed_on() throws Exception {
        AtomicInteger read = new AtomicInteger();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }
        };
        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicInteger refused = new AtomicInteger();
        SizeLimitedUpload upload = SizeLimitedUpload.inMemory(1024 * 1024, (metadata, data) -> received.set(data),
                refused::incrementAndGet);
        UploadEvent event = eventReading(endless);

        upload.handleUploadRequest(event);

        assertThat(read.get()).isEqualTo(1024 * 1024 + 1);
        assertThat(received.get()).isNull();
        assertThat(refused.get()).isOne();
        assertThat(event.isRejected()).isTrue();
    }

    @Test
    void vaadin_is_told_the_limits_so_an_announced_oversized_request_is_refused_before_it_is_read() {
        SizeLimitedUpload upload = SizeLimitedUpload.inMemory(1000, (metadata, data) -> { }, () -> { });
        assertThat(upload.getFileSizeMax()).isEqualTo(1000);
        assertThat(upload.getFileCountMax()).isOne();
        assertThat(upload.getRequestSizeMax()).isBetween(1000L, 1000L + 64 * 1024);
    }

    @Test
    void a_file_at_the_limit_is_handed_on_whole() throws Exception {
        AtomicReference<byte[]> received = new AtomicReference<>();
        SizeLimitedUpload upload = SizeLimitedUpload.inMemory(5, (metadata, data) -> received.set(data), () -> { });
        upload.handleUploadRequest(eventReading(new ByteArrayInputStream("a,b,c".getBytes())));
        assertThat(received.get()).asString().isEqualTo("a,b,c");
    }
}
