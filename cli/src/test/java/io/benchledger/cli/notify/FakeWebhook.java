package io.benchledger.cli.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver on 127.0.0.1: records every body posted and answers with the status the script
 * gives for the n-th request (1-based); status 0 means never answer (a hung server).
 */
final class FakeWebhook implements AutoCloseable {
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    FakeWebhook(IntUnaryOperator status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            int n = requests.incrementAndGet();
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            paths.add(ex.getRequestURI().getPath());
            int code = status.applyAsInt(n);
            if (code == 0) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] answer = (code / 100 == 2 ? "ok" : "no_service").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(code, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.setExecutor(pool);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
