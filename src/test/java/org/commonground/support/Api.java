package org.commonground.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** The REST API as a client sees it, blocking with a timeout, for tests. */
public final class Api {
  private final HttpClient http;
  private final int port;

  Api(Vertx vertx, int port) {
    this.http = vertx.createHttpClient();
    this.port = port;
  }

  public record Reply(int status, JsonObject body, String text, String header) {
    public JsonObject error() { return body.getJsonObject("error"); }
  }

  public Reply post(String path, JsonObject body, String bearer) {
    return request(HttpMethod.POST, path, body == null ? null : body.encode(), bearer, null);
  }

  public Reply get(String path, String bearer) { return request(HttpMethod.GET, path, null, bearer, null); }

  public Reply request(HttpMethod method, String path, String body, String bearer, String headerToRead) {
    RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path);
    if (bearer != null) o.putHeader("Authorization", "Bearer " + bearer);
    if (body != null) o.putHeader("Content-Type", "application/json");
    return Await.of(http.request(o).compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> reply(resp, b, headerToRead))));
  }

  private static Reply reply(HttpClientResponse resp, Buffer b, String header) {
    String text = b.toString();
    JsonObject json = null;
    String type = resp.getHeader("Content-Type");
    if (type != null && type.startsWith("application/json") && !text.isEmpty()) json = new JsonObject(text);
    return new Reply(resp.statusCode(), json, text, header == null ? null : resp.getHeader(header));
  }

  /** A created workshop, as the organiser gets it. */
  public record Created(String id, String joinCode, String facilitatorToken, String displayToken) {}

  public Created create(String title) { return create(new JsonObject().put("title", title)); }

  public Created create(JsonObject body) {
    Reply r = post("/api/workshops", body, null);
    if (r.status() != 201) throw new AssertionError("create failed: " + r.status() + " " + r.text());
    JsonObject b = r.body();
    return new Created(b.getString("workshopId"), b.getString("joinCode"), b.getString("facilitatorToken"),
        b.getString("displayToken"));
  }

  /** Joins and returns the participant token. */
  public String join(String joinCode, String name, String group) {
    JsonObject body = new JsonObject().put("joinCode", joinCode).put("name", name);
    if (group != null) body.put("group", group);
    Reply r = post("/api/join", body, null);
    if (r.status() != 201) throw new AssertionError("join failed: " + r.status() + " " + r.text());
    return r.body().getString("token");
  }
}
