package io.benchledger.cli.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of GitHub's REST API that pr-comment uses, on 127.0.0.1: issue comments of one pull request
 * (list with per_page/page, create, update), bearer-token checks, and switches to misbehave.
 */
final class FakeGithub implements AutoCloseable {
    static final String TOKEN = "ghs_good";
    static final String REPO = "octo/widgets";
    static final int PR = 7;

    /** Comment id → body, in creation order. */
    final Map<Long, String> comments = new TreeMap<>();
    final Map<Long, String> authors = new TreeMap<>();
    final List<String> requests = new ArrayList<>();
    /** Set to answer every request with this status and a GitHub error document. */
    volatile int failWith;
    volatile String failMessage = "";
    /** Set to answer the comment list with something that is not a list of comments. */
    volatile String malformedList;
    /** Set to answer writes with 403, as for a forked pull request's read-only token. */
    volatile boolean readOnly;
    private long nextId = 1000;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIST = Pattern.compile("/repos/" + REPO + "/issues/" + PR + "/comments");
    private static final Pattern ONE = Pattern.compile("/repos/" + REPO + "/issues/comments/(\\d+)");

    FakeGithub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void addComment(String author, String body) {
        long id = nextId++;
        comments.put(id, body);
        authors.put(id, author);
    }

    private void handle(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String method = ex.getRequestMethod();
        synchronized (this) {
            requests.add(method + " " + uri.getPath());
        }
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            error(ex, 401, "Bad credentials");
            return;
        }
        if (failWith != 0) {
            error(ex, failWith, failMessage);
            return;
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher one = ONE.matcher(uri.getPath());
        synchronized (this) {
            if (LIST.matcher(uri.getPath()).matches() && method.equals("GET")) {
                if (malformedList != null) {
                    send(ex, 200, malformedList);
                    return;
                }
                Map<String, String> q = query(uri.getRawQuery());
                int perPage = Integer.parseInt(q.getOrDefault("per_page", "30"));
                int page = Integer.parseInt(q.getOrDefault("page", "1"));
                ArrayNode list = JSON.createArrayNode();
                comments.entrySet().stream().skip((long) (page - 1) * perPage).limit(perPage)
                        .forEach(e -> list.add(comment(e.getKey())));
                send(ex, 200, list.toString());
            } else if (LIST.matcher(uri.getPath()).matches() && method.equals("POST")) {
                if (readOnly) {
                    error(ex, 403, "Resource not accessible by integration");
                    return;
                }
                long id = nextId++;
                comments.put(id, JSON.readTree(body).get("body").asText());
                authors.put(id, "github-actions[bot]");
                send(ex, 201, comment(id).toString());
            } else if (one.matches() && method.equals("PATCH") && comments.containsKey(Long.parseLong(one.group(1)))) {
                if (readOnly) {
                    error(ex, 403, "Resource not accessible by integration");
                    return;
                }
                long id = Long.parseLong(one.group(1));
                JsonNode b = JSON.readTree(body);
                comments.put(id, b.get("body").asText());
                send(ex, 200, comment(id).toString());
            } else {
                error(ex, 404, "Not Found");
            }
        }
    }

    private ObjectNode comment(long id) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("html_url", "https://github.com/" + REPO + "/pull/" + PR + "#issuecomment-" + id);
        c.put("body", comments.get(id));
        c.putObject("user").put("login", authors.get(id));
        return c;
    }

    private static Map<String, String> query(String q) {
        Map<String, String> out = new TreeMap<>();
        if (q != null) {
            for (String kv : q.split("&")) {
                String[] p = kv.split("=", 2);
                out.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        return out;
    }

    private static void error(HttpExchange ex, int code, String message) throws IOException {
        send(ex, code, JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest").toString());
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
