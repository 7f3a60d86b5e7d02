package com.commercehub.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay between an app and its database that a test can cut and restore, as a network failure or a database
 * restart would: {@link #cut()} drops every open connection and refuses new ones (the port is closed), {@link
 * #restore()} listens on the same port again. Only the app that connects through it loses its database; the
 * shared test server and everyone else keep theirs.
 */
public final class CuttableProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private ServerSocket listener;

    private CuttableProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** A relay on a free loopback port to {@code host:port}, open. */
    public static CuttableProxy to(String host, int port) throws IOException {
        return new CuttableProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (listener.isClosed()) {
            listener = listen(port);
            accept(listener);
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket socket) {
        threads.submit(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    threads.submit(() -> relay(client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(target.getAddress(), target.getPort())) {
            open.add(client);
            open.add(server);
            try {
                threads.submit(() -> copy(server.getInputStream(), client.getOutputStream(), client));
                copy(client.getInputStream(), server.getOutputStream(), server);
            } finally {
                open.remove(server);
            }
        } catch (IOException ended) {
            // either side closed, or the relay was cut
        } finally {
            open.remove(client);
        }
    }

    /** Copies until one side ends, then closes the other, so that neither end waits for the dead one. */
    private static Void copy(InputStream from, OutputStream to, Socket other) {
        try {
            from.transferTo(to);
        } catch (IOException ended) {
            // closed by cut() or by the peer
        }
        try {
            other.close();
        } catch (IOException ignored) {
            // already closed
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        cut();
        threads.shutdownNow();
    }
}
