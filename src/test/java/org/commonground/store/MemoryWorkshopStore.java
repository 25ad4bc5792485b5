package org.commonground.store;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link WorkshopStore} contract in memory, for tests only: the same answers as
 * {@link RedisWorkshopStore} (the contract suite runs both). Every call is one step under this object's
 * lock, as a Lua script is one step in Redis; expiries are not kept, except the counting windows, so its
 * maps only shrink on purge: fine for a test, not for a server. What an append publishes goes to the
 * {@link #listen listeners}, in seq order.
 */
public final class MemoryWorkshopStore implements WorkshopStore {
  /** As in the append script: at most this many missed events come with a stale answer. */
  private static final int MISSED_WITH_STALE = 64;
  private static final Pattern TEXT_REF = Pattern.compile("\"text\":\\{\"\\$t\":\"([^\"]+)\"}");

  private static final class Slot {
    final String epoch;
    final TreeMap<Long, String> log = new TreeMap<>();
    final Map<String, String> texts = new HashMap<>();
    final Map<String, String> hidden = new HashMap<>();
    final Map<String, String> answers = new HashMap<>();
    final Map<String, String> presence = new LinkedHashMap<>();
    final List<String> tokenHashes = new ArrayList<>();
    long lifetimeSeconds;

    Slot(String epoch) { this.epoch = epoch; }

    long seq() { return log.isEmpty() ? 0 : log.lastKey(); }

    String joined(String record) {
      Matcher m = TEXT_REF.matcher(record);
      return m.replaceAll(r -> Matcher.quoteReplacement("\"text\":" + texts.getOrDefault(r.group(1), "\"(removed)\"")));
    }
  }

  private record Window(long count, long endsAt) {}

  private final Map<String, Slot> workshops = new HashMap<>();
  /** Token hash to the stored grant ("participantId|ROLE", then "|firstSeq" once welcomed). */
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<String, String> codes = new HashMap<>();
  private final Map<String, Window> windows = new HashMap<>();
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
  private final LongSupplier clock;

  public MemoryWorkshopStore() { this(System::currentTimeMillis); }

  /** {@code clock}: milliseconds, for the counting windows. */
  public MemoryWorkshopStore(LongSupplier clock) { this.clock = clock; }

  /** Hears (workshop id, message) for everything a workshop's channel would carry. */
  public void listen(BiConsumer<String, String> listener) { listeners.add(listener); }

  private void publish(String workshopId, String message) {
    for (BiConsumer<String, String> l : listeners) l.accept(workshopId, message);
  }

  private static String tokenKey(String workshopId, String token) { return workshopId + "/" + Tokens.hash(token); }

  @Override
  public synchronized Future<Void> create(String workshopId, String joinCode, String epoch, String firstEventBody,
                                          List<NewToken> newTokens) {
    if (codes.containsKey(joinCode)) return Future.failedFuture(new CodeTakenException());
    if (workshops.containsKey(workshopId)) {
      return Future.failedFuture(new IllegalStateException("workshop id already exists: " + workshopId));
    }
    codes.put(joinCode, workshopId);
    Slot s = new Slot(epoch);
    s.log.put(1L, "{\"seq\":1," + firstEventBody);
    workshops.put(workshopId, s);
    storeTokens(workshopId, s, newTokens);
    return Future.succeededFuture();
  }

  private void storeTokens(String workshopId, Slot s, List<NewToken> newTokens) {
    for (NewToken t : newTokens) {
      String key = tokenKey(workshopId, t.token());
      tokens.put(key, t.grant().stored());
      s.tokenHashes.add(key);
    }
  }

  @Override
  public Future<AppendResult> append(String workshopId, long expectedSeq, String participantId, String ref,
                                     String resultJson, List<StoredEvent> events, List<NewToken> newTokens,
                                     long lifetimeSeconds) {
    List<String> published = new ArrayList<>();
    AppendResult result;
    synchronized (this) {
      Slot s = workshops.get(workshopId);
      String refKey = participantId + "|" + ref;
      String answered = s == null ? null : s.answers.get(refKey);
      if (answered != null) return Future.succeededFuture(new AppendResult.Duplicate(StoredAnswer.parse(answered)));
      if (s == null) return Future.succeededFuture(new AppendResult.Gone());
      long current = s.seq();
      if (current != expectedSeq) {
        List<String> missed = new ArrayList<>();
        if (current > expectedSeq) {
          for (String r : s.log.tailMap(expectedSeq + 1).values()) {
            if (missed.size() == MISSED_WITH_STALE) break;
            missed.add(s.joined(r));
          }
        }
        return Future.succeededFuture(new AppendResult.Stale(current, missed));
      }
      long seq = current;
      for (StoredEvent e : events) {
        applyText(s, e.text());
        seq++;
        String record = "{\"seq\":" + seq + "," + e.body();
        s.log.put(seq, record);
        published.add(s.joined(record));
      }
      s.answers.put(refKey, StoredAnswer.ack(seq, resultJson).stored());
      storeTokens(workshopId, s, newTokens);
      if (lifetimeSeconds > 0) s.lifetimeSeconds = lifetimeSeconds;
      result = new AppendResult.Appended(seq);
      // Published under the lock, as the script does, so every listener hears a workshop's events in seq order.
      for (String p : published) publish(workshopId, p);
    }
    return Future.succeededFuture(result);
  }

  private static void applyText(Slot s, StoredEvent.TextOp op) {
    if (op == null) return;
    String id = op.contributionId();
    switch (op.kind()) {
      case SET -> { s.texts.put(id, op.literal()); s.hidden.remove(id); }
      case HIDDEN -> { s.hidden.put(id, op.literal()); s.texts.remove(id); }
      case HIDE -> {
        String words = s.texts.remove(id);
        if (words != null) s.hidden.put(id, words);
      }
      case ERASE -> { s.texts.remove(id); s.hidden.remove(id); }
    }
  }

  @Override
  public Future<Void> expireJoinCode(String joinCode, long seconds) { return Future.succeededFuture(); }

  @Override
  public synchronized Future<Optional<StoredAnswer>> answerOf(String workshopId, String participantId, String ref) {
    Slot s = workshops.get(workshopId);
    String a = s == null ? null : s.answers.get(participantId + "|" + ref);
    return Future.succeededFuture(Optional.ofNullable(a).map(StoredAnswer::parse));
  }

  @Override
  public synchronized Future<StoredAnswer> rememberAnswer(String workshopId, String participantId, String ref,
                                                         StoredAnswer answer) {
    Slot s = workshops.get(workshopId);
    // Redis keeps a ref key even for a workshop it does not hold; here a ref lives with its workshop.
    if (s == null) return Future.succeededFuture(answer);
    String earlier = s.answers.putIfAbsent(participantId + "|" + ref, answer.stored());
    return Future.succeededFuture(earlier == null ? answer : StoredAnswer.parse(earlier));
  }

  @Override
  public synchronized Future<List<String>> range(String workshopId, long from, long to, int limit) {
    Slot s = workshops.get(workshopId);
    if (s == null || from > to || limit <= 0) return Future.succeededFuture(List.of());
    List<String> out = new ArrayList<>();
    for (String r : s.log.subMap(from, true, to, true).values()) {
      if (out.size() == limit) break;
      out.add(s.joined(r));
    }
    return Future.succeededFuture(out);
  }

  @Override
  public synchronized Future<Map<String, String>> hiddenTexts(String workshopId) {
    Slot s = workshops.get(workshopId);
    return Future.succeededFuture(s == null ? new HashMap<>() : new HashMap<>(s.hidden));
  }

  @Override
  public synchronized Future<Optional<String>> epoch(String workshopId) {
    return Future.succeededFuture(Optional.ofNullable(workshops.get(workshopId)).map(s -> s.epoch));
  }

  @Override
  public synchronized Future<Long> seq(String workshopId) {
    Slot s = workshops.get(workshopId);
    return Future.succeededFuture(s == null ? 0L : s.seq());
  }

  @Override
  public synchronized Future<Optional<TokenGrant>> resolve(String token) {
    String workshopId = Tokens.workshopOf(token);
    if (workshopId == null) return Future.succeededFuture(Optional.empty());
    String stored = tokens.get(tokenKey(workshopId, token));
    return Future.succeededFuture(Optional.ofNullable(stored).map(v -> TokenGrant.parse(workshopId, v)));
  }

  @Override
  public synchronized Future<Optional<Admission>> admit(String token) {
    String workshopId = Tokens.workshopOf(token);
    if (workshopId == null) return Future.succeededFuture(Optional.empty());
    String key = tokenKey(workshopId, token);
    String stored = tokens.get(key);
    if (stored == null) return Future.succeededFuture(Optional.empty());
    int bar = stored.indexOf('|');
    if (stored.indexOf('|', bar + 1) < 0) {
      Slot s = workshops.get(workshopId);
      stored = stored + "|" + (s == null ? 0 : s.seq());
      tokens.put(key, stored);
    }
    return Future.succeededFuture(Optional.of(new Admission(TokenGrant.parse(workshopId, stored),
        TokenGrant.firstWelcomedAt(stored))));
  }

  @Override
  public synchronized Future<Boolean> addToken(String workshopId, NewToken token) {
    Slot s = workshops.get(workshopId);
    if (s == null) return Future.succeededFuture(false);
    storeTokens(workshopId, s, List.of(token));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Optional<String>> workshopOfCode(String joinCode) {
    return Future.succeededFuture(Optional.ofNullable(codes.get(joinCode)));
  }

  @Override
  public synchronized Future<Boolean> claimJoinCode(String joinCode, String workshopId) {
    return Future.succeededFuture(codes.putIfAbsent(joinCode, workshopId) == null);
  }

  @Override
  public synchronized Future<Void> releaseJoinCode(String joinCode, String workshopId) {
    codes.remove(joinCode, workshopId);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Long> secondsToLive(String workshopId) {
    Slot s = workshops.get(workshopId);
    return Future.succeededFuture(s == null ? 0L : s.lifetimeSeconds);
  }

  @Override
  public Future<long[]> countFailedJoin(String address, int windowSeconds) { return count("join:" + address, windowSeconds); }

  @Override
  public Future<long[]> countCreation(String address, int windowSeconds) { return count("create:" + address, windowSeconds); }

  /** A fixed window, as failed-join.lua: it starts at the first count and does not slide. */
  private synchronized Future<long[]> count(String key, int windowSeconds) {
    long now = clock.getAsLong();
    Window w = windows.get(key);
    w = w == null || now >= w.endsAt() ? new Window(1, now + windowSeconds * 1_000L) : new Window(w.count() + 1, w.endsAt());
    windows.put(key, w);
    return Future.succeededFuture(new long[] {w.count(), (w.endsAt() - now + 999) / 1_000});
  }

  @Override
  public Future<Void> publishPresence(String workshopId, String nodeId, String message) {
    synchronized (this) {
      Slot s = workshops.get(workshopId);
      if (s == null) return Future.succeededFuture();
      s.presence.put(nodeId, message);
      publish(workshopId, message);
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<String>> presence(String workshopId) {
    Slot s = workshops.get(workshopId);
    return Future.succeededFuture(s == null ? new ArrayList<>() : new ArrayList<>(s.presence.values()));
  }

  @Override
  public Future<Void> purge(String workshopId, String joinCode) {
    synchronized (this) {
      Slot s = workshops.remove(workshopId);
      if (s != null) s.tokenHashes.forEach(tokens::remove);
      if (joinCode != null) codes.remove(joinCode);
      publish(workshopId, PURGED_MESSAGE);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> ping() { return Future.succeededFuture(); }
}
