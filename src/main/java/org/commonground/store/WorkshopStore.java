package org.commonground.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable workshop state: one event log per workshop, and what goes with it.
 *
 * <p>The contract every node relies on:
 * <ul>
 *   <li><b>Order.</b> A workshop's events have seqs 1, 2, 3 … with no gap. {@link #append} writes only if
 *       the log is still at the seq the caller decided against, so concurrent writers on any number of
 *       nodes are serialised by the log itself: one wins, the others get {@link AppendResult.Stale}.</li>
 *   <li><b>Atomicity.</b> An append (its events, the seq counter, the command's ref, any new tokens) happens
 *       whole or not at all, and each appended event is published on the workshop's channel in seq order
 *       in the same step.</li>
 *   <li><b>Idempotency.</b> A ref answered once is answered the same way for at least the ref TTL; an
 *       append with a known ref writes nothing and returns {@link AppendResult.Duplicate}.</li>
 *   <li><b>Gaps.</b> Pub/sub may lose messages (a reconnect); the log never does. A subscriber that sees
 *       seq n+2 after n, or reconnects, reads the missing seqs with {@link #range}. An empty answer for
 *       seqs at or below {@link #seq} means that history is gone: the epoch has changed.</li>
 *   <li><b>Epoch.</b> Set when the log is created; seqs only compare within one epoch.</li>
 *   <li><b>Erasure.</b> The log keeps facts, not words people may take back: contributions' words are kept
 *       apart and joined in on reading, so withdrawing, hiding or editing leaves nothing of the old words
 *       for a later reader, resume or node.</li>
 *   <li><b>Lifetime.</b> A workshop nobody starts expires a set time after its creation; a running one
 *       a set time after it was last busy; the append that ends it sets every key to expire
 *       {@code retentionDays} later.</li>
 * </ul>
 * Futures fail when Redis is unreachable; nothing partial is left behind by a failed call.
 */
public interface WorkshopStore {

  /**
   * Creates a workshop: claims the join code, sets the epoch, appends seq 1, stores the tokens.
   * Fails with {@link CodeTakenException} if the code is taken (draw another).
   */
  Future<Void> create(String workshopId, String joinCode, String epoch, String firstEventBody, List<NewToken> tokens);

  /**
   * See the class contract. Each event's text operation is carried out in the same step, before the event
   * is stored and published, so the log never holds a contribution's words and a reader never gets words
   * erased before it read. {@code lifetimeSeconds} > 0: in the same step, every key of the workshop is set
   * to expire that long after (the append that ends it passes its retention; a running workshop's appends
   * now and then pass its idle lifetime); later appends with 0 keep the expiry.
   */
  Future<AppendResult> append(String workshopId, long expectedSeq, String participantId, String ref,
                              String resultJson, List<StoredEvent> events, List<NewToken> tokens,
                              long lifetimeSeconds);

  /** An append that changes no expiry. */
  default Future<AppendResult> append(String workshopId, long expectedSeq, String participantId, String ref,
                                      String resultJson, List<StoredEvent> events, List<NewToken> tokens) {
    return append(workshopId, expectedSeq, participantId, ref, resultJson, events, tokens, 0);
  }

  /** Lets the join code expire with its workshop (the code key lives outside its hash slot). */
  Future<Void> expireJoinCode(String joinCode, long seconds);

  /** The first answer to a ref, if it was answered within the ref TTL. */
  Future<Optional<StoredAnswer>> answerOf(String workshopId, String participantId, String ref);

  /**
   * Keeps the answer to a command that appended nothing (an error, or a command that changed nothing),
   * unless the ref was answered before, in one step. Returns the answer that stands, the earlier one if
   * any: a resent command is decided again before the store is asked (so a command needs one round trip,
   * not two), and what its sender must hear is the first answer, not the new decision.
   */
  Future<StoredAnswer> rememberAnswer(String workshopId, String participantId, String ref, StoredAnswer answer);

  /**
   * Stored events with {@code from <= seq <= to}, in order, at most {@code limit}, with contributions' words
   * joined back in: a withdrawn or hidden contribution reads {@code "(removed)"}.
   */
  Future<List<String>> range(String workshopId, long from, long to, int limit);

  /** The words of the workshop's hidden contributions (for its facilitators, and for unhiding), by id. */
  Future<Map<String, String>> hiddenTexts(String workshopId);

  /** The workshop's epoch, or empty when no such workshop is stored. */
  Future<Optional<String>> epoch(String workshopId);

  /** The last appended seq (0 when none). */
  Future<Long> seq(String workshopId);

  Future<Optional<TokenGrant>> resolve(String token);

  /**
   * Resolves a token for a welcome. The first time, the log's seq then is kept with the token, and every
   * later welcome hears it back as {@link Admission#since}: a resume never reaches back before it.
   */
  Future<Optional<Admission>> admit(String token);

  /** A token that may be welcomed, and the seq at its first welcome. */
  record Admission(TokenGrant grant, long since) {}

  /**
   * Stores one more token for an existing workshop (a new display link), expiring with the workshop once
   * its end has set a retention. False, and nothing stored, when the workshop no longer exists.
   */
  Future<Boolean> addToken(String workshopId, NewToken token);

  /** The workshop a (normalised) join code opens. */
  Future<Optional<String>> workshopOfCode(String joinCode);

  /**
   * Claims a join code for an existing workshop (a new code replacing its old one): true when it was free
   * and now opens the workshop, false when another workshop holds it (draw another).
   */
  Future<Boolean> claimJoinCode(String joinCode, String workshopId);

  /** Deletes a join code, but only while it still opens this workshop. */
  Future<Void> releaseJoinCode(String joinCode, String workshopId);

  /** Seconds until the workshop's keys expire, or 0 when they do not (so a new join code can go with them). */
  Future<Long> secondsToLive(String workshopId);

  /** Counts one failed join from an address; returns the count in the current window and its seconds left. */
  Future<long[]> countFailedJoin(String address, int windowSeconds);

  /**
   * Counts one workshop creation from an address, in Redis so the count holds across nodes; returns the
   * count in the current window and its seconds left.
   */
  Future<long[]> countCreation(String address, int windowSeconds);

  /** Publishes this node's online participants of a workshop and keeps them for late-coming nodes. */
  Future<Void> publishPresence(String workshopId, String nodeId, String message);

  /** Every node's last presence message for a workshop. */
  Future<List<String>> presence(String workshopId);

  /**
   * Deletes the workshop at once: every key it has, its join code; then tells every node (which close its
   * connections). Its tokens and join code stop working; no trace stays in Redis.
   */
  Future<Void> purge(String workshopId, String joinCode);

  /** What a workshop's channel carries when it has been purged. */
  String PURGED_MESSAGE = "{\"purged\":true}";

  Future<Void> ping();

  final class CodeTakenException extends RuntimeException {
    public CodeTakenException() { super("join code taken", null, false, false); }
  }
}
