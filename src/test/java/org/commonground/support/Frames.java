package org.commonground.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;

/** What the end-to-end tests send and expect as protocol frames: command arguments, acks and errs, events. */
public final class Frames {
  private Frames() {}

  /** The arguments of contribution.add (and of edits) with this text. */
  public static JsonObject text(String t) { return new JsonObject().put("text", t); }

  /** Asserts that a command's reply is an ack, and returns it. */
  public static JsonObject ok(JsonObject reply) {
    assertThat(reply.getString("t")).as(reply.encode()).isEqualTo("ack");
    return reply;
  }

  /** Asserts that a command's reply is an err with this code. */
  public static void refused(JsonObject reply, String code) {
    assertThat(reply.getString("t")).as(reply.encode()).isEqualTo("err");
    assertThat(reply.getString("code")).as(reply.encode()).isEqualTo(code);
  }

  /** The id an ack's result names (the reply must be an ack). */
  public static String id(JsonObject reply) { return ok(reply).getJsonObject("result").getString("id"); }

  /** The ev frame with this seq among all that {@code c} received, waiting for it if need be. */
  public static JsonObject evSeq(WsClient c, long seq) {
    return c.seen(f -> "ev".equals(f.getString("t")) && f.getLong("seq") == seq);
  }
}
