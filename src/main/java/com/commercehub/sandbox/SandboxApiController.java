package com.commercehub.sandbox;

import com.commercehub.base.secrets.Sha256;
import com.commercehub.base.payments.PaymentProcessorMode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's HTTP front: Bearer-key authentication, routing, one transaction per request,
 * Idempotency-Key replay, {@code expand[]}, and Stripe's error bodies. Answers 404 to everything when
 * a real Stripe key is in use. Faults armed in {@link SandboxFaults} are applied here, and every request is
 * journalled there with its Idempotency-Key.
 */
@RestController
class SandboxApiController {

    static final String BASE = "/sandbox/stripe";
    private static final Logger log = LoggerFactory.getLogger(SandboxApiController.class);
    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** Fields Stripe leaves out unless expanded (a Checkout Session's {@code line_items}); kept as "_" fields. */
    private static final java.util.Set<String> INCLUDABLE = java.util.Set.of("line_items");

    private final PaymentProcessorMode mode;
    private final SandboxKeys keys;
    private final List<SandboxRoutes.Route> routes = new ArrayList<>();
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final SandboxStore store;
    private final SandboxTime time;
    private final Clock clock;
    private final SandboxOrigin origin;
    private final SandboxFaults faults;

    SandboxApiController(PaymentProcessorMode mode, SandboxKeys keys, List<SandboxRoutes> resources, TransactionTemplate transactions,
                         JdbcClient jdbc, SandboxStore store, SandboxTime time, Clock clock, SandboxOrigin origin,
                         SandboxFaults faults) {
        this.faults = faults;
        this.mode = mode;
        this.keys = keys;
        resources.forEach(resource -> routes.addAll(resource.routes()));
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.store = store;
        this.time = time;
        this.clock = clock;
        this.origin = origin;
    }

    @RequestMapping(BASE + "/**")
    ResponseEntity<String> handle(HttpServletRequest request) throws IOException {
        if (!mode.isSandbox() || !fromThisMachine(request)) {
            return ResponseEntity.notFound().build();
        }
        String requestId = "req_" + SandboxIds.random(14);
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length() + BASE.length());
        String idempotencyKey = request.getHeader("Idempotency-Key");
        Optional<SandboxFaults.Fault> fault = faults.take(method, path);
        if (fault.isPresent() && fault.get().kind() != SandboxFaults.Kind.TIMEOUT) {
            // As a failing front door: refused before anything ran, so nothing is stored under the key either.
            SandboxFaults.Kind kind = fault.get().kind();
            StripeError error = kind == SandboxFaults.Kind.RATE_LIMITED
                    ? new StripeError(429, "invalid_request_error", "rate_limit", "Request rate limit exceeded. "
                    + "Learn more about rate limits here https://stripe.com/docs/rate-limits.", null, null)
                    : new StripeError(500, "api_error", null, "An unknown error occurred (sandbox fault).", null, null);
            log.info("Sandbox fault {}: {} {} Idempotency-Key={} ({})", kind, method, path, idempotencyKey, requestId);
            faults.record(method, path, idempotencyKey, error.status, kind, false);
            return respond(new Outcome(error.status, SandboxJson.write(error.body())), requestId, false);
        }
        ResponseEntity<String> response = answer(request, method, path, requestId);
        boolean replayed = response.getHeaders().containsHeader("Idempotent-Replayed");
        log.debug("Sandbox {} {} Idempotency-Key={} -> {}{} ({})", method, path, idempotencyKey,
                response.getStatusCode().value(), replayed ? " replayed" : "", requestId);
        faults.record(method, path, idempotencyKey, response.getStatusCode().value(),
                fault.map(SandboxFaults.Fault::kind).orElse(null), replayed);
        if (fault.isPresent()) {
            // The work is done and committed; only the answer comes too late for the client.
            log.info("Sandbox fault TIMEOUT: {} {} Idempotency-Key={} held for {} ({})", method, path, idempotencyKey,
                    fault.get().delay(), requestId);
            try {
                Thread.sleep(fault.get().delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return response;
    }

    private ResponseEntity<String> answer(HttpServletRequest request, String method, String path, String requestId)
            throws IOException {
        try {
            String apiKey = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
            SandboxRoutes.Route route = null;
            Map<String, String> vars = null;
            for (SandboxRoutes.Route candidate : routes) {
                vars = candidate.match(method, path);
                if (vars != null) {
                    route = candidate;
                    break;
                }
            }
            if (route == null) {
                throw new StripeError(404, "invalid_request_error", null,
                        "Unrecognized request URL (" + method + ": " + path + ").", null, null);
            }
            String encoded = paramsOf(request);
            String idempotencyKey = route.write() ? request.getHeader("Idempotency-Key") : null;
            if (idempotencyKey != null && idempotencyKey.length() > 255) {
                throw StripeError.invalid(null, "idempotency_key_in_use", "Idempotency keys may be at most 255 characters long.");
            }
            if (idempotencyKey == null || idempotencyKey.isBlank()) {
                return respond(execute(route, vars, method, path, encoded, requestId, null, null, null), requestId, false);
            }
            return idempotent(route, vars, method, path, encoded, requestId, apiKey, idempotencyKey);
        } catch (StripeError error) {
            return respond(new Outcome(error.status, SandboxJson.write(error.body())), requestId, false);
        } catch (RuntimeException unexpected) {
            log.error("Sandbox request {} {} failed ({})", method, path, requestId, unexpected);
            StripeError error = new StripeError(500, "api_error", null, "An unexpected error occurred in the sandbox.", null, null);
            return respond(new Outcome(500, SandboxJson.write(error.body())), requestId, false);
        }
    }

    private record Outcome(int status, String body) {
    }

    private ResponseEntity<String> respond(Outcome outcome, String requestId, boolean replayed) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.valueOf(outcome.status()))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Request-Id", requestId)
                .header("Stripe-Version", SandboxApiVersion.CURRENT);
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(outcome.body());
    }

    private ResponseEntity<String> idempotent(SandboxRoutes.Route route, Map<String, String> vars, String method,
                                              String path, String encoded, String requestId, String apiKey,
                                              String key) {
        String scope = sha256(apiKey);
        String paramsHash = sha256(method + " " + path + "\n" + SandboxJson.write(FormParams.parse(encoded)));
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Map<String, Object>> earlier = jdbc.sql("""
                            SELECT params_hash, status, response_body FROM sandbox_idempotency
                            WHERE key_scope = :scope AND idem_key = :key AND created_at > :since""")
                    .param("scope", scope).param("key", key).param("since", idempotencyHorizon())
                    .query().listOfRows().stream().findFirst();
            if (earlier.isPresent()) {
                if (!paramsHash.equals(earlier.get().get("params_hash"))) {
                    throw new StripeError(400, "idempotency_error", null, "Keys for idempotent requests can only be used "
                            + "with the same parameters they were first used with. Try using a key other than '" + key
                            + "' if you meant to execute a different request.", null, null);
                }
                return respond(new Outcome(((Number) earlier.get().get("status")).intValue(),
                        (String) earlier.get().get("response_body")), requestId, true);
            }
            try {
                return respond(execute(route, vars, method, path, encoded, requestId, key, scope, paramsHash), requestId, false);
            } catch (DuplicateKeyException concurrent) {
                // Another request with this key won the race: replay its result on the next turn.
            }
        }
        throw new StripeError(409, "idempotency_error", null, "A request with this idempotency key is still in progress.", null, null);
    }

    private Outcome execute(SandboxRoutes.Route route, Map<String, String> vars, String method, String path,
                            String encoded, String requestId, String idempotencyKey, String scope, String paramsHash) {
        return transactions.execute(status -> {
            Params params = new Params(FormParams.parse(encoded));
            List<String> expand = params.strings("expand");
            Call call = new Call(method, path, vars, params, requestId, idempotencyKey, time.now(), origin.forBuyers());
            Outcome outcome;
            try {
                Map<String, Object> result = route.handler().apply(call);
                params.rejectUnread();
                Map<String, Object> expanded = new LinkedHashMap<>(result);
                for (String field : expand) {
                    expand(expanded, field);
                }
                outcome = new Outcome(200, SandboxJson.write(render(expanded)));
            } catch (StripeError error) {
                if (error.status != 402) {
                    throw error;
                }
                // A declined card is a completed request: what it created (a failed payment) stays.
                outcome = new Outcome(402, SandboxJson.write(render(error.body())));
            }
            if (idempotencyKey != null) {
                jdbc.sql("DELETE FROM sandbox_idempotency WHERE key_scope = :scope AND idem_key = :key AND created_at <= :since")
                        .param("scope", scope).param("key", idempotencyKey).param("since", idempotencyHorizon()).update();
                // A concurrent request with the same key makes this insert fail: the whole request rolls back.
                jdbc.sql("""
                                INSERT INTO sandbox_idempotency (key_scope, idem_key, request_path, params_hash, status,
                                                                 response_body, created_at)
                                VALUES (:scope, :key, :path, :hash, :status, :body, :at)""")
                        .param("scope", scope).param("key", idempotencyKey).param("path", method + " " + path)
                        .param("hash", paramsHash).param("status", outcome.status()).param("body", outcome.body())
                        .param("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .update();
            }
            return outcome;
        });
    }

    /**
     * The sandbox API is for this app (and tests on this machine) only: unlike Stripe it holds the install's
     * demo data behind any well-formed test key. Requests from elsewhere, or relayed by a proxy, get a 404.
     * Its hosted pages stay public, as buyers need them.
     */
    private static boolean fromThisMachine(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private LocalDateTime idempotencyHorizon() {
        return LocalDateTime.ofInstant(clock.instant().minus(IDEMPOTENCY_WINDOW), ZoneOffset.UTC);
    }

    /**
     * Only this installation's key is accepted, as Bearer or as the Basic user name ({@code curl -u sk_test_…:});
     * anything else gets Stripe's 401 with the presented key masked.
     */
    private String authenticate(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                authorization = "Bearer " + (colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException malformed) {
                authorization = null;
            }
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw new StripeError(401, "invalid_request_error", null, "You did not provide an API key. You need to "
                    + "provide your API key in the Authorization header, using Bearer auth.", null, null);
        }
        String key = authorization.substring(7).trim();
        if (!keys.accepts(key)) {
            throw new StripeError(401, "invalid_request_error", null, "Invalid API Key provided: "
                    + SandboxKeys.masked(key), null, null);
        }
        return key;
    }

    private static String paramsOf(HttpServletRequest request) throws IOException {
        String query = request.getQueryString();
        byte[] body = request.getInputStream().readAllBytes();
        String form = new String(body, StandardCharsets.UTF_8);
        if (query == null || query.isEmpty()) {
            return form;
        }
        return form.isEmpty() ? query : query + "&" + form;
    }

    /**
     * Follows one {@code expand[]} path: ids become the objects they name, and the few fields Stripe includes only
     * when asked ({@link #INCLUDABLE}) are filled in. Every other internal field stays hidden whatever is asked for.
     */
    @SuppressWarnings("unchecked")
    private void expand(Map<String, Object> object, String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (head.startsWith("_")) {
            return;
        }
        if (INCLUDABLE.contains(head) && object.containsKey("_" + head)) {
            object.put(head, object.get("_" + head));
        }
        Object value = object.get(head);
        if (value instanceof List<?> list && rest != null) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    expand((Map<String, Object>) map, rest);
                }
            }
            return;
        }
        if (value instanceof String id) {
            Optional<Map<String, Object>> found = store.find(id);
            if (found.isEmpty()) {
                return;
            }
            object.put(head, found.get());
            value = found.get();
        }
        if (value instanceof Map<?, ?> map && rest != null) {
            expand((Map<String, Object>) map, rest);
        }
    }

    /** A copy without the internal "_" fields. */
    @SuppressWarnings("unchecked")
    static Object render(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!((String) k).startsWith("_")) {
                    copy.put((String) k, render(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SandboxApiController::render).toList();
        }
        return value;
    }

    static String sha256(String value) {
        return Sha256.hex(value);
    }
}
