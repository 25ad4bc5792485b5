package org.commonground.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Lua script from {@code src/main/resources/redis/}, run by its SHA. A restarted Redis has forgotten
 * every script, so NOSCRIPT is answered by sending the body once (which also caches it again).
 */
final class Script {
  private final String body;
  private final String sha;

  private Script(String body) {
    this.body = body;
    this.sha = sha1(body);
  }

  static Script load(String name) { return new Script(read(name)); }

  /**
   * A script with shared Lua functions before it ({@code preludes}, in order): Redis runs each script on
   * its own, so code two scripts share is put in front of each rather than written twice.
   */
  static Script load(String name, String... preludes) {
    StringBuilder body = new StringBuilder();
    for (String p : preludes) body.append(read(p)).append('\n');
    return new Script(body.append(read(name)).toString());
  }

  private static String read(String name) {
    try (InputStream in = Script.class.getResourceAsStream("/redis/" + name)) {
      if (in == null) throw new IllegalStateException("missing script /redis/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Future<Response> run(Redis redis, List<String> keys, List<String> args) {
    return withBodyOnNoScript(cmd -> redis.send(request(cmd, keys, args)));
  }

  /**
   * The script, then {@code after}, as one batch: both go on the same connection, one after the other
   * (what {@code WAIT} needs, as it covers only its own connection's writes). Answers both.
   */
  Future<List<Response>> runThen(Redis redis, List<String> keys, List<String> args, Request after) {
    return withBodyOnNoScript(cmd -> redis.batch(List.of(request(cmd, keys, args), after)));
  }

  /**
   * Sends by SHA; on NOSCRIPT sends again with the body. A batch names the failing command's place
   * first ("ERR [0] NOSCRIPT ..."), so the word is looked for anywhere in the message.
   */
  private <T> Future<T> withBodyOnNoScript(java.util.function.Function<Command, Future<T>> send) {
    return send.apply(Command.EVALSHA).recover(err -> err.getMessage() != null && err.getMessage().contains("NOSCRIPT")
        ? send.apply(Command.EVAL)
        : Future.failedFuture(err));
  }

  private Request request(Command cmd, List<String> keys, List<String> args) {
    Request r = Request.cmd(cmd).arg(cmd == Command.EVALSHA ? sha : body).arg(keys.size());
    keys.forEach(r::arg);
    args.forEach(r::arg);
    return r;
  }

  private static String sha1(String s) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
