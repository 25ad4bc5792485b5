package org.commonground.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The REST API as a client sees it, blocking with a timeout, for tests. Each request and its callbacks run
 * on one Vert.x context: a request sent from the test thread can lose its response body to a race. It can
 * bind a local address (127.0.0.x), so a test can stand for a separate client address.
 */
public final class Api {
  private final HttpClient client;
  private final Context context;
  private final int port;

  public Api(Vertx vertx, int port) { this(vertx, port, null); }

  public Api(Vertx vertx, int port, String localAddress) {
    HttpClientOptions options = new HttpClientOptions();
    if (localAddress != null) options.setLocalAddress(localAddress);
    this.client = vertx.createHttpClient(options);
    this.context = vertx.getOrCreateContext();
    this.port = port;
  }

  public record Reply(int status, JsonObject body, String text, String header) {
    public JsonObject error() { return body.getJsonObject("error"); }
  }

  /** Asserts that a reply is this HTTP error: the status, and a JSON error with this code and a message. */
  public static void assertError(Reply r, int status, String code, String what) {
    assertThat(r.status()).as("status for %s: %s", what, r.text()).isEqualTo(status);
    assertThat(r.body()).as("JSON error body for %s: %s", what, r.text()).isNotNull();
    assertThat(r.error()).as("error object for %s: %s", what, r.text()).isNotNull();
    assertThat(r.error().getString("code")).as("code for %s", what).isEqualTo(code);
    assertThat(r.error().getString("message")).as("message for %s", what).isNotBlank();
  }

  /** A created workshop, as the organiser gets it. */
  public record Created(String id, String joinCode, String facilitatorToken, String displayToken) {}

  public Reply request(HttpMethod method, String path, String body, Map<String, String> headers, String headerToRead) {
    RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path);
    headers.forEach(o::putHeader);
    if (body != null && !headers.containsKey("Content-Type")) o.putHeader("Content-Type", "application/json");
    Promise<Reply> p = Promise.promise();
    context.runOnContext(v -> client.request(o)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> reply(resp, b.toString(), headerToRead)))
        .onComplete(p));
    return Await.of(p.future());
  }

  private static Reply reply(HttpClientResponse resp, String text, String header) {
    JsonObject json = null;
    String type = resp.getHeader("Content-Type");
    if (type != null && type.startsWith("application/json") && !text.isEmpty()) json = new JsonObject(text);
    return new Reply(resp.statusCode(), json, text, header == null ? null : resp.getHeader(header));
  }

  /** A file as the browser saves it: the exact bytes, its type and its Content-Disposition. */
  public record Download(int status, byte[] bytes, String type, String disposition) {}

  public Download download(String path, String bearer) {
    RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(path);
    auth(bearer).forEach(o::putHeader);
    Promise<Download> p = Promise.promise();
    context.runOnContext(v -> client.request(o).compose(req -> req.send())
        .compose(resp -> resp.body().map(b -> new Download(resp.statusCode(), b.getBytes(), resp.getHeader("Content-Type"),
            resp.getHeader("Content-Disposition"))))
        .onComplete(p));
    return Await.of(p.future());
  }

  public Reply post(String path, JsonObject body, String bearer) {
    return request(HttpMethod.POST, path, body == null ? null : body.encode(), auth(bearer), null);
  }

  public Reply get(String path) { return request(HttpMethod.GET, path, null, Map.of(), null); }

  public Reply get(String path, String bearer) { return request(HttpMethod.GET, path, null, auth(bearer), null); }

  public Reply raw(HttpMethod method, String path, String body) { return request(method, path, body, Map.of(), null); }

  public Reply header(HttpMethod method, String path, String body, String header) {
    return request(method, path, body, Map.of(), header);
  }

  public static Map<String, String> auth(String bearer) {
    return bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer);
  }

  public Created create(String title) { return create(new JsonObject().put("title", title)); }

  public Created create(JsonObject body) { return create(body, null); }

  public Created create(JsonObject body, String organiserKey) {
    Reply r = post("/api/workshops", body, organiserKey);
    if (r.status() != 201) throw new AssertionError("create failed: " + r.status() + " " + r.text());
    JsonObject b = r.body();
    return new Created(b.getString("workshopId"), b.getString("joinCode"), b.getString("facilitatorToken"),
        b.getString("displayToken"));
  }

  public Reply tryJoin(String joinCode, String name, String group) {
    JsonObject body = new JsonObject().put("joinCode", joinCode).put("name", name);
    if (group != null) body.put("group", group);
    return post("/api/join", body, null);
  }

  /** Joins and returns the participant token. */
  public String join(String joinCode, String name, String group) {
    Reply r = tryJoin(joinCode, name, group);
    if (r.status() != 201) throw new AssertionError("join failed: " + r.status() + " " + r.text());
    return r.body().getString("token");
  }
}
