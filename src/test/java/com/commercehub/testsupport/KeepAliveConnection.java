package com.commercehub.testsupport;

import java.io.IOException;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to a loopback port, written and read by hand, for the webhook load
 * harnesses: a general-purpose client costs as much CPU per request as the endpoint itself, and client and server
 * share the same two cores here. Reconnects when the server closes (Tomcat ends a keep-alive connection after 100
 * requests).
 */
public final class KeepAliveConnection {

    private final int port;
    private java.net.Socket socket;
    private java.io.BufferedInputStream in;
    private java.io.OutputStream out;

    public KeepAliveConnection(int port) {
        this.port = port;
    }

    /** POSTs a JSON body with a Stripe-Signature header; returns the status once the whole answer is read. */
    public int post(String path, String signature, String body) throws IOException {
        if (socket == null) {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = new java.io.BufferedOutputStream(socket.getOutputStream());
        }
        byte[] content = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nStripe-Signature: " + signature + "\r\n"
                + "Content-Length: " + content.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                in.readNBytes(size);
                line();
            }
            line();
        } else {
            in.readNBytes(length);
        }
        if (close) {
            close();
        }
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket that is gone already
            }
            socket = null;
        }
    }
}
