package org.commonground.resilience;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import org.commonground.support.Await;

/** An HTTP exchange with every response header kept (support's Api reads one header per request). */
final class Http {
  record Response(int status, MultiMap headers, String body) {
    String header(String name) { return headers.get(name); }
  }

  private final HttpClient client;
  private final Context context;
  private final int port;

  Http(Vertx vertx, int port) {
    this.client = vertx.createHttpClient();
    this.context = vertx.getOrCreateContext();
    this.port = port;
  }

  Response send(HttpMethod method, String path, String body, Map<String, String> headers) {
    RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path);
    headers.forEach(o::putHeader);
    if (body != null && !headers.containsKey("Content-Type")) o.putHeader("Content-Type", "application/json");
    Promise<Response> p = Promise.promise();
    context.runOnContext(v -> client.request(o)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(),
            MultiMap.caseInsensitiveMultiMap().addAll(resp.headers()), b.toString())))
        .onComplete(p));
    return Await.of(p.future());
  }

  Response get(String path) { return send(HttpMethod.GET, path, null, Map.of()); }
}
