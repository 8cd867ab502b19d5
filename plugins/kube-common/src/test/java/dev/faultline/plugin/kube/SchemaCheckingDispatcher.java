package dev.faultline.plugin.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mock API server's CRUD dispatcher, made as strict as a real one for custom resources: every
 * create and update of a kind with a known CRD is checked against its schema and refused with 422
 * when invalid; what a patch produces is checked too. Requests carrying the expired token get 401.
 */
final class SchemaCheckingDispatcher extends KubernetesCrudDispatcher {
    static final String EXPIRED_TOKEN = "expired-token";
    private static final Pattern CR_PATH =
            Pattern.compile("/apis/([^/]+)/[^/]+/(?:namespaces/[^/]+/)?([^/?]+)(?:/[^/?]+)?(?:/status)?(\\?.*)?");
    private final JsonMapper json = new JsonMapper();
    private final CrdSchemas schemas;
    private final List<String> checked = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    final AtomicInteger deletes = new AtomicInteger();

    SchemaCheckingDispatcher(CrdSchemas schemas) {
        this.schemas = schemas;
    }

    List<String> checked() {
        return List.copyOf(checked);
    }

    List<String> rejected() {
        return List.copyOf(rejected);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.equals("Bearer " + EXPIRED_TOKEN)) {
            return new MockResponse()
                    .setResponseCode(401)
                    .setBody(
                            "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                                    + "\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
        }
        if ("DELETE".equals(request.getMethod())) {
            deletes.incrementAndGet();
        }
        try {
            return super.dispatch(request);
        } catch (RuntimeException e) {
            // a request the mock cannot handle must still get an answer, or the client waits for its time limit
            System.err.println("mock API server: " + request.getMethod() + " " + request.getPath() + ": " + e);
            return new MockResponse()
                    .setResponseCode(500)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                            + "\"status\":\"Failure\",\"code\":500,\"message\":\"mock server error\"}");
        }
    }

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        MockResponse refused = check(request.getPath(), body(request));
        return refused != null ? refused : super.handleCreate(request);
    }

    @Override
    public MockResponse handleUpdate(RecordedRequest request) {
        MockResponse refused = check(request.getPath(), body(request));
        return refused != null ? refused : super.handleUpdate(request);
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        MockResponse r = super.handlePatch(request);
        try {
            byte[] bytes = r.code() < 300 && r.getBody() != null ? r.getBody().getBytes() : null;
            if (bytes != null && bytes.length > 0) {
                MockResponse refused =
                        check(request.getPath(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                if (refused != null) {
                    rejected.add("after PATCH " + request.getPath());
                }
            }
        } catch (RuntimeException e) {
            rejected.add("after PATCH " + request.getPath() + ": unreadable result " + e);
        }
        return r;
    }

    private static String body(RecordedRequest request) {
        return request.getBody() == null
                ? ""
                : new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private MockResponse check(String path, String body) {
        Matcher m = CR_PATH.matcher(path);
        if (!m.matches() || !schemas.knows(m.group(1), m.group(2))) {
            return null;
        }
        JsonNode manifest = json.readTree(body);
        List<String> problems = schemas.problems(m.group(1), m.group(2), manifest);
        checked.add(m.group(2) + "/" + manifest.at("/metadata/name").asString());
        if (problems.isEmpty()) {
            return null;
        }
        rejected.add(path + ": " + problems);
        return new MockResponse()
                .setResponseCode(422)
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                        + "\"status\":\"Failure\",\"reason\":\"Invalid\",\"code\":422,\"message\":"
                        + json.writeValueAsString(
                                manifest.at("/kind").asString() + " is invalid: " + String.join("; ", problems))
                        + "}");
    }
}
