package org.commonground.store;

import static io.vertx.redis.client.Command.EXPIRE;
import static io.vertx.redis.client.Command.GET;
import static io.vertx.redis.client.Command.HGETALL;
import static io.vertx.redis.client.Command.PING;
import static io.vertx.redis.client.Command.PUBLISH;
import static io.vertx.redis.client.Command.SET;
import static io.vertx.redis.client.Command.DEL;
import static io.vertx.redis.client.Command.EXISTS;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link WorkshopStore} on Redis: a Stream per workshop, appended by one Lua script. */
public final class RedisWorkshopStore implements WorkshopStore {
  /** How long a presence entry counts after its node last wrote it: a crashed node's people go offline. */
  public static final int PRESENCE_TTL_SECONDS = 60;

  private final Redis redis;
  private final Keys keys;
  private final int refTtlSeconds;
  private final Script releaseCode = Script.load("release-code.lua");
  private final Script append = Script.load("append.lua", "joined-texts.lua");
  private final Script create = Script.load("create.lua");
  private final Script failedJoin = Script.load("failed-join.lua");
  private final Script presence = Script.load("presence.lua");
  private final Script answerOnce = Script.load("answer-once.lua");
  private final Script addToken = Script.load("add-token.lua");
  private final Script rangeScript = Script.load("range.lua", "joined-texts.lua");
  private final Script welcome = Script.load("welcome.lua");
  private final Script purgeStep = Script.load("purge-step.lua");
  /** How long a workshop lives if nobody starts it (0: for ever). */
  private final long notStartedSeconds;
  /** The writes that answer someone (create, append): they may wait for replicas first. */
  private final ReplicatedWrites replicated;

  public RedisWorkshopStore(Redis redis, Keys keys, int refTtlSeconds) {
    this(redis, keys, refTtlSeconds, 0);
  }

  public RedisWorkshopStore(Redis redis, Keys keys, int refTtlSeconds, long notStartedSeconds) {
    this(redis, keys, refTtlSeconds, notStartedSeconds, ReplicaWaits.OFF);
  }

  public RedisWorkshopStore(Redis redis, Keys keys, int refTtlSeconds, long notStartedSeconds, ReplicaWaits waits) {
    if (notStartedSeconds < 0) throw new IllegalArgumentException("notStartedSeconds must be >= 0");
    this.redis = redis;
    this.keys = keys;
    this.refTtlSeconds = refTtlSeconds;
    this.notStartedSeconds = notStartedSeconds;
    this.replicated = new ReplicatedWrites(redis, waits);
  }

  public Keys keys() { return keys; }

  @Override
  public Future<Void> create(String workshopId, String joinCode, String epoch, String firstEventBody,
                             List<NewToken> tokens) {
    String codeKey = keys.joinCode(joinCode);
    Request claim = Request.cmd(SET).arg(codeKey).arg(workshopId).arg("NX");
    if (notStartedSeconds > 0) claim.arg("EX").arg(notStartedSeconds);
    return redis.send(claim).compose(claimed -> {
      if (claimed == null) return Future.failedFuture(new CodeTakenException());
      List<String> k = new ArrayList<>(List.of(keys.seq(workshopId), keys.log(workshopId), keys.epoch(workshopId),
          keys.tokens(workshopId)));
      List<String> a = new ArrayList<>(List.of(epoch, firstEventBody, Long.toString(notStartedSeconds)));
      addTokens(workshopId, tokens, k, a);
      return replicated.run(create, k, a)
          // The script's answer was lost on the way: keep the code only if its workshop was in fact created.
          .recover(err -> redis.send(Request.cmd(EXISTS).arg(keys.seq(workshopId)))
              .compose(exists -> exists != null && exists.toInteger() == 1
                  ? Future.<Void>succeededFuture()
                  : release(codeKey))
              .transform(x -> Future.failedFuture(err)))
          .compose(r -> "ok".equals(r.toString())
              ? Future.<Void>succeededFuture()
              // The id is taken: release the code just claimed, so no code points at another workshop.
              : release(codeKey).transform(x -> Future.<Void>failedFuture(
                  new IllegalStateException("workshop id already exists: " + workshopId))));
    });
  }

  private Future<Void> release(String codeKey) {
    return redis.send(Request.cmd(DEL).arg(codeKey)).mapEmpty();
  }

  @Override
  public Future<AppendResult> append(String workshopId, long expectedSeq, String participantId, String ref,
                                     String resultJson, List<StoredEvent> events, List<NewToken> tokens,
                                     long lifetimeSeconds) {
    List<String> k = new ArrayList<>(List.of(keys.seq(workshopId), keys.log(workshopId),
        keys.ref(workshopId, participantId, ref), keys.epoch(workshopId), keys.presence(workshopId),
        keys.tokens(workshopId), keys.texts(workshopId), keys.hiddenTexts(workshopId)));
    List<String> a = new ArrayList<>(List.of(Long.toString(expectedSeq), keys.channel(workshopId), resultJson,
        Integer.toString(refTtlSeconds), Long.toString(lifetimeSeconds), Integer.toString(events.size())));
    for (StoredEvent e : events) {
      StoredEvent.TextOp t = e.text();
      a.add(e.body());
      a.add(t == null ? "" : t.kind().script);
      a.add(t == null ? "" : t.contributionId());
      a.add(t == null || t.literal() == null ? "" : t.literal());
    }
    addTokens(workshopId, tokens, k, a);
    return replicated.run(append, k, a).map(r -> {
      String status = r.get(0).toString();
      switch (status) {
        case "ok": return new AppendResult.Appended(r.get(1).toLong());
        case "stale": {
          List<String> missed = new ArrayList<>();
          if (r.size() > 2 && r.get(2) != null) for (Response m : r.get(2)) missed.add(m.toString());
          return new AppendResult.Stale(r.get(1).toLong(), missed);
        }
        case "dup": return new AppendResult.Duplicate(StoredAnswer.parse(r.get(1).toString()));
        case "gone": return new AppendResult.Gone();
        default: throw new IllegalStateException("append answered " + status);
      }
    });
  }

  private void addTokens(String workshopId, List<NewToken> tokens, List<String> k, List<String> a) {
    for (NewToken t : tokens) {
      k.add(keys.token(workshopId, Tokens.hash(t.token())));
      a.add(t.grant().stored());
    }
  }

  @Override
  public Future<Void> expireJoinCode(String joinCode, long seconds) {
    return redis.send(Request.cmd(EXPIRE).arg(keys.joinCode(joinCode)).arg(seconds)).mapEmpty();
  }

  @Override
  public Future<Optional<StoredAnswer>> answerOf(String workshopId, String participantId, String ref) {
    return redis.send(Request.cmd(GET).arg(keys.ref(workshopId, participantId, ref)))
        .map(r -> Optional.ofNullable(r).map(Response::toString).map(StoredAnswer::parse));
  }

  @Override
  public Future<StoredAnswer> rememberAnswer(String workshopId, String participantId, String ref,
                                            StoredAnswer answer) {
    return answerOnce.run(redis, List.of(keys.ref(workshopId, participantId, ref)),
            List.of(answer.stored(), Integer.toString(refTtlSeconds)))
        .map(r -> StoredAnswer.parse(r.toString()));
  }

  @Override
  public Future<List<String>> range(String workshopId, long from, long to, int limit) {
    if (from > to || limit <= 0) return Future.succeededFuture(List.of());
    return rangeScript.run(redis, List.of(keys.log(workshopId), keys.texts(workshopId)),
            List.of(Long.toString(from), Long.toString(to), Integer.toString(limit)))
        .map(r -> {
          List<String> out = new ArrayList<>(r.size());
          for (Response entry : r) out.add(entry.toString());
          return out;
        });
  }

  @Override
  public Future<Map<String, String>> hiddenTexts(String workshopId) {
    return redis.send(Request.cmd(HGETALL).arg(keys.hiddenTexts(workshopId))).map(r -> {
      Map<String, String> out = new HashMap<>();
      if (r == null) return out;
      for (String id : r.getKeys()) out.put(id, r.get(id).toString());
      return out;
    });
  }

  @Override
  public Future<Optional<String>> epoch(String workshopId) {
    return redis.send(Request.cmd(GET).arg(keys.epoch(workshopId)))
        .map(r -> Optional.ofNullable(r).map(Response::toString));
  }

  @Override
  public Future<Long> seq(String workshopId) {
    return redis.send(Request.cmd(GET).arg(keys.seq(workshopId))).map(r -> r == null ? 0L : r.toLong());
  }

  @Override
  public Future<Optional<TokenGrant>> resolve(String token) {
    String workshopId = Tokens.workshopOf(token);
    if (workshopId == null) return Future.succeededFuture(Optional.empty());
    return redis.send(Request.cmd(GET).arg(keys.token(workshopId, Tokens.hash(token))))
        .map(r -> Optional.ofNullable(r).map(v -> TokenGrant.parse(workshopId, v.toString())));
  }

  @Override
  public Future<Optional<Admission>> admit(String token) {
    String workshopId = Tokens.workshopOf(token);
    if (workshopId == null) return Future.succeededFuture(Optional.empty());
    return welcome.run(redis, List.of(keys.token(workshopId, Tokens.hash(token)), keys.seq(workshopId)), List.of())
        .map(r -> Optional.ofNullable(r).map(v -> {
          String stored = v.toString();
          return new Admission(TokenGrant.parse(workshopId, stored), TokenGrant.firstWelcomedAt(stored));
        }));
  }

  @Override
  public Future<Boolean> addToken(String workshopId, NewToken token) {
    return addToken.run(redis, List.of(keys.epoch(workshopId), keys.tokens(workshopId),
            keys.token(workshopId, Tokens.hash(token.token()))), List.of(token.grant().stored()))
        .map(r -> r.toInteger() == 1);
  }

  @Override
  public Future<Optional<String>> workshopOfCode(String joinCode) {
    return redis.send(Request.cmd(GET).arg(keys.joinCode(joinCode)))
        .map(r -> Optional.ofNullable(r).map(Response::toString));
  }

  @Override
  public Future<Boolean> claimJoinCode(String joinCode, String workshopId) {
    return redis.send(Request.cmd(SET).arg(keys.joinCode(joinCode)).arg(workshopId).arg("NX")).map(r -> r != null);
  }

  @Override
  public Future<Void> releaseJoinCode(String joinCode, String workshopId) {
    return releaseCode.run(redis, List.of(keys.joinCode(joinCode)), List.of(workshopId)).mapEmpty();
  }

  /** The epoch key's TTL stands for the workshop's: every key of it is given the same expiry at once. */
  @Override
  public Future<Long> secondsToLive(String workshopId) {
    return redis.send(Request.cmd(io.vertx.redis.client.Command.TTL).arg(keys.epoch(workshopId)))
        .map(r -> r == null ? 0L : Math.max(0L, r.toLong()));
  }

  @Override
  public Future<long[]> countFailedJoin(String address, int windowSeconds) {
    return failedJoin.run(redis, List.of(keys.failedJoins(address)), List.of(Integer.toString(windowSeconds)))
        .map(r -> new long[] {r.get(0).toLong(), r.get(1).toLong()});
  }

  @Override
  public Future<long[]> countCreation(String address, int windowSeconds) {
    // The failed-join script is a plain fixed-window counter: the same one, under another key.
    return failedJoin.run(redis, List.of(keys.creations(address)), List.of(Integer.toString(windowSeconds)))
        .map(r -> new long[] {r.get(0).toLong(), r.get(1).toLong()});
  }

  @Override
  public Future<Void> publishPresence(String workshopId, String nodeId, String message) {
    return presence.run(redis, List.of(keys.epoch(workshopId), keys.presence(workshopId)),
        List.of(nodeId, message, Integer.toString(PRESENCE_TTL_SECONDS * 10), keys.channel(workshopId))).mapEmpty();
  }

  @Override
  public Future<List<String>> presence(String workshopId) {
    return redis.send(Request.cmd(HGETALL).arg(keys.presence(workshopId))).map(r -> {
      List<String> out = new ArrayList<>();
      if (r == null) return out;
      for (String field : r.getKeys()) out.add(r.get(field).toString());
      return out;
    });
  }

  /**
   * Deletes every key of the workshop (found by SCAN on its hash tag, so refs and anything else go too),
   * its join code, then tells every node through its channel. Each SCAN step runs in a script keyed by
   * the workshop, so on a Cluster every step goes to the node that holds the workshop's slot.
   */
  @Override
  public Future<Void> purge(String workshopId, String joinCode) {
    String channel = keys.channel(workshopId);
    return scanAndDelete(workshopId, "0")
        .compose(v -> joinCode == null ? Future.succeededFuture() : redis.send(Request.cmd(DEL).arg(keys.joinCode(joinCode))))
        .compose(v -> redis.send(Request.cmd(PUBLISH).arg(channel).arg(PURGED_MESSAGE)))
        .mapEmpty();
  }

  private Future<Void> scanAndDelete(String workshopId, String cursor) {
    return purgeStep.run(redis, List.of(keys.epoch(workshopId)), List.of(cursor, keys.pattern(workshopId), "1000"))
        .compose(r -> {
          String next = r.toString();
          return "0".equals(next) ? Future.<Void>succeededFuture() : scanAndDelete(workshopId, next);
        });
  }

  @Override
  public Future<Void> ping() {
    return redis.send(Request.cmd(PING)).mapEmpty();
  }
}
