package com.commercehub.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab of a signed-in staff session, spoken to over plain HTTP the way Vaadin 25's client does, so that
 * benchmarks can hold many real UIs on the server without browsers. Checked against flow-server/flow-client 25.2:
 * the page is fetched, then {@code ?v-r=init&location=<route>} (Flow.js {@code flowInitUi}, with the browser details
 * as separate parameters) answers the {@code appConfig} with {@code v-uiId} and the first UIDL; every further
 * message is {@code POST ?v-r=uidl&v-uiId=N} with {@code {"csrfToken","rpc","syncId","clientId"}} (ServerRpcHandler's
 * RpcRequest), answered with the UIDL object; the server's {@code syncId}, {@code clientId} and
 * {@code Vaadin-Security-Key} are echoed back. Heartbeats are {@code POST ?v-r=heartbeat&v-uiId=N} (HeartbeatHandler).
 *
 * <p>The state tree is followed from the {@code changes} (NodeFeatures ids: 0 element data, 1 properties, 2 children,
 * 3 attributes, 4 listeners, 7 text, 24 virtual children) far enough to find elements by tag, attribute, property or
 * text. What the browser's components do on their own is done too: the grid
 * connector asks for the first page of rows ({@code setViewportRange}) and confirms every data update
 * ({@code confirmUpdate}), since the server keeps the old rows' keys until then; an overlay the server closes answers
 * {@code opened-changed} and {@code closed}, since a dialog removes itself from the UI only on the latter. A UIDL answer with {@code appError} or {@code sessionExpired}, or a status other than 200,
 * fails the call with {@link Failure}. One message at a time, as the client sends them.
 */
public final class VaadinUiSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern CONFIRM = Pattern.compile("\\$connector\\.confirm\\(\\$(\\d+)\\)");
    private static final String SET_ROWS = "return $0.$connector.set($1,$2)";
    private static final String UPDATE_SIZE = "return $0.$connector.updateSize($1)";
    private static final String SET_LIT_RENDERER = "window.Vaadin.setLitRenderer(this, $0, $1, $2, $3, $4, $5)";
    /** A 1920×1080 desktop in UTC, sent with the init request as Flow.js {@code collectBrowserDetails} does. */
    private static final String BROWSER_DETAILS = "&v-sh=1080&v-sw=1920&v-wh=960&v-ww=1680&v-bh=960&v-bw=1680"
            + "&v-curdate=%d&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%%20x86_64";

    /** A UIDL or HTTP answer that a browser would show as an error. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    /** An element (or text node) of the UI's state tree as far as the changes told it. */
    public static final class Node {
        private final int id;
        private String tag;
        private String text;
        private boolean visible = true;
        private final Map<String, JsonNode> properties = new HashMap<>();
        private final Map<String, JsonNode> attributes = new HashMap<>();
        private final Map<String, JsonNode> listeners = new HashMap<>();
        private final List<Integer> children = new ArrayList<>();
        private final List<Integer> virtualChildren = new ArrayList<>();

        private Node(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        public String tag() {
            return tag;
        }

        public Optional<String> attribute(String name) {
            return Optional.ofNullable(attributes.get(name)).map(JsonNode::asString);
        }

        public Optional<JsonNode> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }

        public boolean listensTo(String event) {
            return listeners.containsKey(event);
        }

        @Override
        public String toString() {
            return "<" + tag + " #" + id + " " + attributes + ">";
        }
    }

    private final StaffHttpSession session;
    private String route;
    private final Map<Integer, Node> nodes = new HashMap<>();
    private final Map<String, JsonNode> constants = new HashMap<>();
    private final List<Integer> pendingConfirmations = new ArrayList<>();
    private final List<Integer> pendingClosings = new ArrayList<>();
    private final java.util.Set<Integer> requestedGrids = new java.util.HashSet<>();
    /** The rows each grid was sent, by grid node and row index, as its connector keeps them. */
    private final Map<Integer, Map<Integer, JsonNode>> gridRows = new HashMap<>();
    /** Each LitRenderer's return channel and the functions its template may call, by its property namespace. */
    private final Map<String, LitChannel> litChannels = new HashMap<>();

    private record LitChannel(int node, int channel, List<String> functions) {
    }
    private int uiId;
    private int heartbeatIntervalSeconds;
    private String csrfToken = "init";
    private int syncId = -1;
    private int clientId;

    private VaadinUiSession(StaffHttpSession session, String route) {
        this.session = session;
        this.route = route;
    }

    /**
     * Opens {@code route} (without leading slash, e.g. {@code quotes/5}) in a new tab of the signed-in session:
     * the page, then the init request; then whatever the grid connector would request at once.
     */
    public static VaadinUiSession open(StaffHttpSession session, String route) throws Exception {
        VaadinUiSession ui = new VaadinUiSession(session, route);
        HttpResponse<String> page = ui.send(HttpRequest.newBuilder(ui.uri("/" + route)).GET());
        if (page.statusCode() != 200) {
            throw new Failure("GET /" + route + " answered " + page.statusCode());
        }
        String init = "/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query="
                + String.format(BROWSER_DETAILS, System.currentTimeMillis());
        HttpResponse<String> answer = ui.send(HttpRequest.newBuilder(ui.uri(init)).GET());
        if (answer.statusCode() != 200) {
            throw new Failure("init of " + route + " answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode appConfig = JSON.readTree(answer.body()).path("appConfig");
        if (!appConfig.has("v-uiId")) {
            throw new Failure("init of " + route + " carried no UI: " + answer.body());
        }
        ui.uiId = appConfig.get("v-uiId").intValue();
        ui.heartbeatIntervalSeconds = appConfig.path("heartbeatInterval").asInt(300);
        ui.apply(appConfig.get("uidl"));
        ui.navigate(route, "");
        return ui;
    }

    /**
     * Navigates this tab to a route as Flow.js {@code flowNavigate} does: the {@code ui-navigate} event on the root
     * ({@code trigger} {@code ""} for the first load, {@code "link"} for a router link); then the grids' rows.
     */
    public long navigate(String route, String trigger) throws Exception {
        this.route = route;
        ObjectNode rpc = NODES.objectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
        rpc.putObject("data").put("route", route).put("query", "").put("appShellTitle", "")
                .put("trigger", trigger).putNull("historyState");
        long elapsed = send(List.of(rpc));
        return elapsed + requestGridRows();
    }

    public int uiId() {
        return uiId;
    }

    public String route() {
        return route;
    }

    public StaffHttpSession session() {
        return session;
    }

    /** What the server told the client ({@code vaadin.heartbeatInterval}). */
    public int heartbeatIntervalSeconds() {
        return heartbeatIntervalSeconds;
    }

    /**
     * Tells the server the tab is still open. Not held up by a UIDL message in flight (the browser's heartbeat has a
     * timer and a request of its own): in Vaadin 25 only heartbeats keep a UI alive, UIDL messages do not.
     */
    public void heartbeat() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=" + uiId))
                .header("Content-Type", "text/plain;charset=utf-8").POST(HttpRequest.BodyPublishers.noBody()));
        if (answer.statusCode() != 200) {
            throw new Failure("heartbeat of UI " + uiId + " answered " + answer.statusCode());
        }
    }

    /** A click on the element, with the event data the server asked for (buttons, mouse position) at rest. */
    public long click(Node element) throws Exception {
        return send(List.of(event(element, "click")));
    }

    /**
     * Types {@code value} into a field as the browser does when it loses focus: the property sync, then the event
     * the server listens to for it ({@code change} for Vaadin's text fields).
     */
    public long type(Node field, String value) throws Exception {
        ObjectNode sync = NODES.objectNode().put("type", "mSync").put("node", field.id).put("feature", 1)
                .put("property", "value").put("value", value);
        List<ObjectNode> rpcs = new ArrayList<>(List.of(sync));
        for (String event : List.of("input", "change")) {
            if (field.listensTo(event)) {
                rpcs.add(event(field, event));
            }
        }
        return send(rpcs);
    }

    /** A {@code @ClientCallable} method of the element's component, as {@code element.$server.method(args)}. */
    public long callServer(Node element, String method, Object... arguments) throws Exception {
        ObjectNode rpc = NODES.objectNode().put("type", "publishedEventHandler").put("node", element.id)
                .put("templateEventMethodName", method);
        rpc.set("templateEventMethodArgs", JSON.valueToTree(List.of(arguments)));
        return send(List.of(rpc));
    }

    /** Sends invocations in one UIDL message; answers the server time (the round trip) in nanoseconds. */
    public synchronized long send(List<ObjectNode> invocations) throws Exception {
        ObjectNode message = NODES.objectNode().put("csrfToken", csrfToken);
        ArrayNode rpc = message.putArray("rpc");
        invocations.forEach(rpc::add);
        message.put("syncId", syncId).put("clientId", clientId);
        long start = System.nanoTime();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))));
        long elapsed = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
            throw new Failure("UIDL to UI " + uiId + " answered " + answer.statusCode() + ": " + answer.body());
        }
        // 25.2 answers the bare object; older servers wrapped it as for(;;);[{...}].
        String body = answer.body().strip();
        JsonNode uidl = body.startsWith("for(;;);") ? JSON.readTree(body.substring(8)).get(0) : JSON.readTree(body);
        apply(uidl);
        confirmUpdates();
        return elapsed;
    }

    private void confirmUpdates() throws Exception {
        // An overlay the server closed answers opened-changed and closed, as the browser does: a dialog the server
        // added to the UI on its own removes itself from it only on "closed".
        while (!pendingClosings.isEmpty()) {
            List<ObjectNode> closings = new ArrayList<>();
            for (int id : pendingClosings) {
                Node overlay = nodes.get(id);
                if (overlay != null && overlay.listensTo("opened-changed")) {
                    closings.add(NODES.objectNode().put("type", "mSync").put("node", id).put("feature", 1)
                            .put("property", "opened").put("value", false));
                    closings.add(event(overlay, "opened-changed"));
                }
                // vaadin-dialog fires "closed" once its overlay is gone; Dialog removes itself from the UI then.
                if (overlay != null && overlay.listensTo("closed")) {
                    closings.add(event(overlay, "closed"));
                }
            }
            pendingClosings.clear();
            if (!closings.isEmpty()) {
                send(closings);
            }
        }
        while (!pendingConfirmations.isEmpty()) {
            List<ObjectNode> confirmations = new ArrayList<>();
            for (int i = 0; i + 1 < pendingConfirmations.size(); i += 2) {
                ObjectNode rpc = NODES.objectNode().put("type", "publishedEventHandler")
                        .put("node", pendingConfirmations.get(i)).put("templateEventMethodName", "confirmUpdate");
                rpc.putArray("templateEventMethodArgs").add(pendingConfirmations.get(i + 1));
                confirmations.add(rpc);
            }
            pendingConfirmations.clear();
            send(confirmations);
        }
    }

    /** Every grid asks for its first page of rows, as the connector does once it is attached. */
    private long requestGridRows() throws Exception {
        long elapsed = 0;
        for (Node grid : findAll(n -> "vaadin-grid".equals(n.tag) && n.visible)) {
            if (requestedGrids.add(grid.id)) {
                elapsed += callServer(grid, "setViewportRange", 0, 50);
            }
        }
        return elapsed;
    }

    // --- the state tree -------------------------------------------------------------------------------------

    public Node root() {
        return nodes.get(1);
    }

    /** Visible elements reachable from the root (children and virtual children), in document order. */
    public List<Node> findAll(Predicate<Node> wanted) {
        List<Node> found = new ArrayList<>();
        collect(root(), wanted, found);
        return found;
    }

    private void collect(Node node, Predicate<Node> wanted, List<Node> found) {
        if (node == null || !node.visible) {
            return;
        }
        if (node.tag != null && wanted.test(node)) {
            found.add(node);
        }
        for (int child : node.children) {
            collect(nodes.get(child), wanted, found);
        }
        for (int child : node.virtualChildren) {
            collect(nodes.get(child), wanted, found);
        }
    }

    /** The first visible element under {@code ancestor} (itself included) that is wanted. */
    public Node in(Node ancestor, Predicate<Node> wanted) {
        List<Node> found = new ArrayList<>();
        collect(ancestor, wanted, found);
        if (found.isEmpty()) {
            throw new AssertionError("nothing wanted under " + ancestor + " in " + route);
        }
        return found.getFirst();
    }

    /** The last visible element with this tag (for dialogs: the one opened most recently). */
    public Node withTag(String tag) {
        List<Node> found = findAll(n -> tag.equals(n.tag));
        if (found.isEmpty()) {
            throw new AssertionError("no <" + tag + "> in " + route);
        }
        return found.getLast();
    }

    public Node find(Predicate<Node> wanted, String description) {
        List<Node> found = findAll(wanted);
        if (found.isEmpty()) {
            throw new AssertionError("no " + description + " in " + route);
        }
        return found.getFirst();
    }

    /** The first element with this tag whose text (its text nodes, all the way down) contains {@code text}. */
    public Node withText(String tag, String text) {
        return find(n -> tag.equals(n.tag) && textOf(n).contains(text), "<" + tag + "> with text \"" + text + "\"");
    }

    /**
     * The hidden elements with this tag: what a hand-made message could still target, although the page does not show
     * them (Vaadin sends a hidden element's id and tag, not its content).
     */
    public List<Node> hidden(String tag) {
        return nodes.values().stream().filter(n -> tag.equals(n.tag) && !n.visible).toList();
    }

    /** The first element with this tag whose attribute has the value. */
    public Node withAttribute(String tag, String attribute, String value) {
        return find(n -> tag.equals(n.tag) && n.attribute(attribute).filter(value::equals).isPresent(),
                "<" + tag + " " + attribute + "=\"" + value + "\">");
    }

    /** The first element with this tag whose property (e.g. a field's {@code label}) has the value. */
    public Node withProperty(String tag, String property, String value) {
        return find(n -> tag.equals(n.tag) && n.property(property).map(JsonNode::asString).filter(value::equals)
                .isPresent(), "<" + tag + " ." + property + "=\"" + value + "\">");
    }

    /** All text of the element's text nodes, depth first (virtual children too: the grid's cell components). */
    public String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString();
    }

    private void appendText(Node node, StringBuilder text) {
        if (node == null || !node.visible) {
            return;
        }
        if (node.text != null) {
            text.append(node.text);
        }
        node.children.forEach(child -> appendText(nodes.get(child), text));
        node.virtualChildren.forEach(child -> appendText(nodes.get(child), text));
    }

    /**
     * Whether the page shows the text anywhere (text nodes, a property such as a field's value or label, or a grid
     * row the server sent, which the browser renders).
     */
    public boolean shows(String text) {
        return textOf(root()).contains(text) || !findAll(n -> n.properties.values().stream()
                .anyMatch(v -> v.isString() && v.asString().contains(text))).isEmpty()
                || gridRows.values().stream().flatMap(rows -> rows.values().stream()).anyMatch(row -> rowShows(row, text));
    }

    private static boolean rowShows(JsonNode row, String text) {
        return row.properties().stream().anyMatch(entry -> entry.getValue().isString()
                && entry.getValue().asString().equals(text));
    }

    /**
     * Calls a function of a grid cell's LitRenderer template, as the template does in the browser (for example a
     * field's {@code @change=${e => quantity(e.target.value)}}): in the first row that shows {@code rowText}, the
     * renderer whose template declares {@code function}, with {@code arguments}.
     */
    public long callRowFunction(String rowText, String function, Object... arguments) throws Exception {
        JsonNode row = gridRows.values().stream().flatMap(rows -> rows.values().stream())
                .filter(candidate -> rowShows(candidate, rowText)).findFirst()
                .orElseThrow(() -> new Failure("no grid row shows " + rowText + " in " + route));
        Map.Entry<String, LitChannel> renderer = litChannels.entrySet().stream()
                .filter(entry -> entry.getValue().functions().contains(function))
                .filter(entry -> row.properties().stream().anyMatch(p -> p.getKey().startsWith(entry.getKey())))
                .findFirst().orElseThrow(() -> new Failure("no renderer of that row declares " + function));
        ObjectNode rpc = NODES.objectNode().put("type", "channel").put("node", renderer.getValue().node())
                .put("channel", renderer.getValue().channel());
        ArrayNode args = rpc.putArray("args").add(function).add(row.get("key").asString());
        args.add(JSON.valueToTree(List.of(arguments)));
        return send(List.of(rpc));
    }

    /** The value a row's LitRenderer was sent for {@code property}, in the first row that shows {@code rowText}. */
    public Optional<JsonNode> rowProperty(String rowText, String property) {
        return gridRows.values().stream().flatMap(rows -> rows.values().stream())
                .filter(candidate -> rowShows(candidate, rowText)).findFirst()
                .flatMap(row -> row.properties().stream().filter(p -> p.getKey().endsWith("_" + property))
                        .map(Map.Entry::getValue).findFirst());
    }

    private void apply(JsonNode uidl) {
        JsonNode meta = uidl.path("meta");
        if (meta.has("appError")) {
            throw new Failure("appError in " + route + ": " + meta.get("appError"));
        }
        if (meta.path("sessionExpired").asBoolean(false)) {
            throw new Failure("session expired in " + route);
        }
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").intValue();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").intValue();
        }
        if (uidl.has("Vaadin-Security-Key")) {
            csrfToken = uidl.get("Vaadin-Security-Key").asString();
        }
        uidl.path("constants").properties().forEach(entry -> constants.put(entry.getKey(), entry.getValue()));
        for (JsonNode change : uidl.path("changes")) {
            applyChange(change);
        }
        for (JsonNode invocation : uidl.path("execute")) {
            String script = invocation.get(invocation.size() - 1).asString();
            if (script.equals(SET_ROWS) && invocation.get(0).has("@v-node")) {
                Map<Integer, JsonNode> rows = gridRows.computeIfAbsent(invocation.get(0).get("@v-node").intValue(),
                        grid -> new HashMap<>());
                int start = invocation.get(1).intValue();
                for (int i = 0; i < invocation.get(2).size(); i++) {
                    rows.put(start + i, invocation.get(2).get(i));
                }
            } else if (script.contains("$connector.updateFlatData") && invocation.get(0).has("@v-node")) {
                // One row refreshed: the connector replaces the row with the same key.
                Map<Integer, JsonNode> rows = gridRows.getOrDefault(invocation.get(0).get("@v-node").intValue(),
                        new HashMap<>());
                for (JsonNode item : invocation.get(1)) {
                    rows.replaceAll((index, row) -> row.path("key").equals(item.path("key")) ? item : row);
                }
            } else if (script.equals(UPDATE_SIZE) && invocation.get(0).has("@v-node")) {
                int size = invocation.get(1).intValue();
                gridRows.getOrDefault(invocation.get(0).get("@v-node").intValue(), new HashMap<>()).keySet()
                        .removeIf(index -> index >= size);
            } else if (script.contains(SET_LIT_RENDERER) && invocation.get(2).has("@v-return")) {
                JsonNode channel = invocation.get(2).get("@v-return");
                List<String> functions = new ArrayList<>();
                invocation.get(3).forEach(name -> functions.add(name.asString()));
                litChannels.put(invocation.get(4).asString(),
                        new LitChannel(channel.get(0).intValue(), channel.get(1).intValue(), functions));
            }
            Matcher confirm = CONFIRM.matcher(script);
            if (confirm.find() && invocation.get(0).has("@v-node")) {
                pendingConfirmations.add(invocation.get(0).get("@v-node").intValue());
                pendingConfirmations.add(invocation.get(Integer.parseInt(confirm.group(1))).intValue());
            }
        }
    }

    private void applyChange(JsonNode change) {
        int id = change.get("node").intValue();
        String type = change.path("type").asString();
        if (type.equals("detach")) {
            nodes.remove(id);
            return;
        }
        Node node = nodes.computeIfAbsent(id, Node::new);
        if (type.equals("attach")) {
            return;
        }
        int feature = change.path("feat").asInt(-1);
        String key = change.path("key").asString(null);
        switch (type) {
            case "put" -> {
                JsonNode value = change.has("nodeValue") ? change.get("nodeValue") : change.get("value");
                switch (feature) {
                    case 0 -> {
                        if ("tag".equals(key)) {
                            node.tag = value.asString();
                        } else if ("visible".equals(key)) {
                            node.visible = value.asBoolean();
                        }
                    }
                    case 1 -> {
                        JsonNode before = node.properties.put(key, value);
                        // Only a close (opened true, then false): an overlay created closed fires no event.
                        if ("opened".equals(key) && before != null && before.asBoolean(false) && !value.asBoolean()) {
                            pendingClosings.add(id);
                        }
                    }
                    case 3 -> node.attributes.put(key, value);
                    case 4 -> node.listeners.put(key, value.isString() && constants.containsKey(value.asString())
                            ? constants.get(value.asString()) : value);
                    case 7 -> node.text = value.asString();
                    default -> {
                    }
                }
            }
            case "remove" -> {
                switch (feature) {
                    case 0 -> {
                        if ("visible".equals(key)) {
                            node.visible = true;
                        }
                    }
                    case 1 -> node.properties.remove(key);
                    case 3 -> node.attributes.remove(key);
                    case 4 -> node.listeners.remove(key);
                    default -> {
                    }
                }
            }
            case "splice" -> {
                List<Integer> list = feature == 2 ? node.children : feature == 24 ? node.virtualChildren : null;
                if (list != null) {
                    int index = change.path("index").asInt();
                    int remove = change.path("remove").asInt(0);
                    for (int i = 0; i < remove && index < list.size(); i++) {
                        list.remove(index);
                    }
                    List<Integer> added = new ArrayList<>();
                    change.path("addNodes").forEach(n -> added.add(n.intValue()));
                    list.addAll(Math.min(index, list.size()), added);
                }
            }
            case "clear" -> {
                if (feature == 2) {
                    node.children.clear();
                } else if (feature == 24) {
                    node.virtualChildren.clear();
                }
            }
            default -> {
            }
        }
    }

    /**
     * An event with the data the listener declared: each expression the server asked for, at a resting value
     * (no modifier keys, button 0, position 0, one click), the {@code }property} syncs left to the mSync.
     */
    private ObjectNode event(Node element, String eventType) {
        ObjectNode rpc = NODES.objectNode().put("type", "event").put("node", element.id).put("event", eventType);
        JsonNode declared = element.listeners.get(eventType);
        if (declared != null && declared.isObject()) {
            ObjectNode data = NODES.objectNode();
            declared.properties().forEach(entry -> {
                String expression = entry.getKey();
                if (expression.startsWith("}") || expression.startsWith("]") || expression.matches("\\d+")) {
                    return;
                }
                if (expression.endsWith("Key") || expression.endsWith("repeat") || expression.contains("===")
                        || expression.contains("!")) {
                    data.put(expression, false);
                } else if (expression.equals("event.detail")) {
                    data.put(expression, 1);
                } else {
                    data.put(expression, 0);
                }
            });
            if (!data.isEmpty()) {
                rpc.set("data", data);
            }
        }
        return rpc;
    }

    private URI uri(String path) {
        return URI.create(session.baseUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        request.header("Cookie", session.cookie()).header("Accept-Language", "en").timeout(Duration.ofSeconds(60));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** For diagnosis: the tags present, with how many of each. */
    public Map<String, Integer> census() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        findAll(n -> true).forEach(n -> counts.merge(n.tag, 1, Integer::sum));
        return counts;
    }
}
