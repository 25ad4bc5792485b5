package org.commonground.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser-side defences on every answer the server gives: a Content-Security-Policy strict enough
 * that injected markup could run nothing (no inline script or style, nothing from elsewhere, no framing),
 * no MIME sniffing, and no Referer leaking a page address. HttpApiTest checks that a CSP is present on a
 * few answers; this checks the whole set of headers on every kind of answer, and that the pages need
 * nothing the policy forbids.
 */
@ExtendWith(VertxExtension.class)
class SecurityHeadersTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  /** The policy's directives, each with its sources. */
  static Map<String, List<String>> directives(String csp) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String part : csp.split(";")) {
      String[] words = part.strip().split("\\s+");
      if (words.length == 0 || words[0].isEmpty()) continue;
      out.put(words[0].toLowerCase(), List.of(words).subList(1, words.length));
    }
    return out;
  }

  static void assertStrict(Http.Response r, String what) {
    List<String> csps = r.headers().getAll("Content-Security-Policy");
    assertThat(csps).as("one Content-Security-Policy on %s (%d)", what, r.status()).hasSize(1);
    String csp = csps.get(0);
    assertThat(csp).as("CSP on %s", what).doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'")
        .doesNotContain("*").doesNotContain("http:").doesNotContain("https:");
    Map<String, List<String>> d = directives(csp);
    assertThat(d.get("default-src")).as("default-src on %s", what).containsExactly("'self'");
    for (String kind : List.of("script-src", "style-src", "connect-src")) {
      if (d.containsKey(kind)) assertThat(d.get(kind)).as("%s on %s", kind, what).containsExactly("'self'");
    }
    assertThat(d.get("object-src")).as("object-src on %s", what).containsExactly("'none'");
    assertThat(d.get("frame-ancestors")).as("frame-ancestors on %s", what).containsExactly("'none'");
    assertThat(d.get("base-uri")).as("base-uri on %s", what).isNotNull().isSubsetOf("'none'", "'self'");
    assertThat(r.header("X-Content-Type-Options")).as("X-Content-Type-Options on %s", what).isEqualToIgnoringCase("nosniff");
    assertThat(r.header("Referrer-Policy")).as("Referrer-Policy on %s", what)
        .isIn("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");
  }

  @Test
  @DisplayName("every page path and static file carries a strict Content-Security-Policy (no 'unsafe-inline'), "
      + "X-Content-Type-Options nosniff and a Referrer-Policy")
  void pagesAndStaticFiles(Vertx vertx) {
    Http http = new Http(vertx, node.port());
    Api.Created w = node.api(vertx).create("Headers");
    String code = w.joinCode().replace("-", "");
    List<String> pages = List.of("/", "/j/ABC234", "/j/" + code, "/j/" + w.joinCode().toLowerCase(), "/f/", "/f", "/d/", "/d",
        "/index.html", "/js/home.js", "/js/connection.js", "/css/base.css", "/favicon.ico", "/no/such/page", "/js/nope.js");
    for (String path : pages) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as("GET %s", path).isIn(200, 204, 404);
      assertStrict(r, "GET " + path);
      if (r.status() == 200) {
        String type = r.header("Content-Type");
        assertThat(type).as("Content-Type of %s (nosniff needs the right one)", path).isNotNull();
        if (path.endsWith(".js")) assertThat(type).startsWith("text/javascript");
        else if (path.endsWith(".css")) assertThat(type).startsWith("text/css");
        else assertThat(type).startsWith("text/html");
      }
    }
  }

  @Test
  @DisplayName("every API answer, success or error, and health, the QR code, /metrics refused on the public port and a refused WebSocket carry the same headers")
  void apiAnswers(Vertx vertx) {
    Http http = new Http(vertx, node.port());
    Api api = node.api(vertx);
    Api.Created w = api.create("API headers");
    Api.Created other = api.create("Another");
    String sam = api.join(w.joinCode(), "Sam", null);
    String base = "/api/workshops/" + w.id();
    Map<String, String> fac = Api.auth(w.facilitatorToken());
    record Exchange(HttpMethod method, String path, String body, Map<String, String> headers, int status) {}
    List<Exchange> exchanges = new ArrayList<>(List.of(
        new Exchange(HttpMethod.POST, "/api/workshops", new JsonObject().put("title", "Made").encode(), Map.of(), 201),
        new Exchange(HttpMethod.POST, "/api/workshops", "{}", Map.of(), 400),
        new Exchange(HttpMethod.POST, "/api/workshops", "not json", Map.of(), 400),
        new Exchange(HttpMethod.POST, "/api/join", new JsonObject().put("joinCode", w.joinCode()).put("name", "Kim").encode(),
            Map.of(), 201),
        new Exchange(HttpMethod.POST, "/api/join", new JsonObject().put("joinCode", "ZZZ-ZZZ").put("name", "Kim").encode(),
            Map.of(), 404),
        new Exchange(HttpMethod.POST, base + "/facilitators", new JsonObject().put("name", "Co").encode(), fac, 201),
        new Exchange(HttpMethod.POST, base + "/facilitators", new JsonObject().put("name", "Co").encode(), Api.auth(sam), 403),
        new Exchange(HttpMethod.POST, base + "/facilitators", new JsonObject().put("name", "Co").encode(), Map.of(), 401),
        new Exchange(HttpMethod.GET, base + "/report?format=md", null, fac, 200),
        new Exchange(HttpMethod.GET, base + "/report?format=json", null, fac, 200),
        new Exchange(HttpMethod.GET, base + "/report?format=csv", null, fac, 200),
        new Exchange(HttpMethod.GET, base + "/report?format=docx", null, fac, 200),
        new Exchange(HttpMethod.GET, base + "/report?format=pdf", null, fac, 200),
        new Exchange(HttpMethod.GET, base + "/report?format=exe", null, fac, 400),
        new Exchange(HttpMethod.GET, base + "/report", null, Api.auth(other.facilitatorToken()), 403),
        new Exchange(HttpMethod.GET, base + "/qr.svg", null, Map.of(), 200),
        new Exchange(HttpMethod.GET, "/api/workshops/NOT-AN-ID/qr.svg", null, Map.of(), 404),
        new Exchange(HttpMethod.DELETE, "/api/workshops/" + other.id(), null, fac, 403),
        new Exchange(HttpMethod.DELETE, "/api/workshops/" + other.id(), null, Api.auth(other.facilitatorToken()), 204),
        new Exchange(HttpMethod.GET, "/api/no-such-endpoint", null, Map.of(), 404),
        new Exchange(HttpMethod.GET, "/health", null, Map.of(), 200),
        // Metrics are served on their own address only (HttpApiTest.metrics).
        new Exchange(HttpMethod.GET, "/metrics", null, Map.of(), 404),
        new Exchange(HttpMethod.GET, "/ws", null, Map.of(), 400),
        new Exchange(HttpMethod.GET, "/ws", null, Map.of("Origin", "https://evil.example", "Upgrade", "websocket",
            "Connection", "Upgrade", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13"), 403)));
    for (Exchange e : exchanges) {
      String what = e.method() + " " + e.path().replace(w.id(), "{id}");
      Http.Response r = http.send(e.method(), e.path(), e.body(), e.headers());
      assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(e.status());
      assertStrict(r, what);
    }
  }

  @Test
  @DisplayName("the pages need nothing the policy forbids: no inline script, style or event handler, nothing from another origin")
  void pagesNeedNoInlineCode(Vertx vertx) throws IOException {
    String html = new Http(vertx, node.port()).get("/").body();
    Matcher scripts = Pattern.compile("(?is)<script\\b([^>]*)>(.*?)</script>").matcher(html);
    int count = 0;
    while (scripts.find()) {
      count++;
      assertThat(scripts.group(1)).as("a script loaded from a file").contains("src=");
      assertThat(scripts.group(2).strip()).as("an inline script body").isEmpty();
    }
    assertThat(count).as("scripts on the page").isPositive();
    assertThat(html).as("inline <style>").doesNotContainPattern("(?i)<style\\b");
    assertThat(html).as("style attributes").doesNotContainPattern("(?i)\\sstyle\\s*=");
    assertThat(html).as("inline event handlers").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    assertThat(html).as("javascript: URLs").doesNotContainPattern("(?i)javascript:");
    Matcher refs = Pattern.compile("(?i)\\s(?:src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
    while (refs.find()) {
      String ref = refs.group(1);
      assertThat(ref).as("a resource of the page").doesNotContain("//").doesNotStartWith("data:");
    }
    // Nor do the scripts build code from strings, which script-src 'self' would refuse.
    try (var files = Files.list(Path.of("web/js"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        String js = Files.readString(f);
        assertThat(js).as("%s", f).doesNotContain("eval(").doesNotContain("new Function(");
      }
    }
  }
}
