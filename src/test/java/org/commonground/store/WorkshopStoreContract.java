package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.store.StoreFixtures.body;
import static org.commonground.store.StoreFixtures.firstBody;
import static org.commonground.store.StoreFixtures.joinCode;
import static org.commonground.store.StoreFixtures.seqOf;
import static org.commonground.store.StoreFixtures.seqsOf;
import static org.commonground.store.StoreFixtures.xsOf;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.commonground.store.AppendResult.Appended;
import org.commonground.store.AppendResult.Duplicate;
import org.commonground.store.AppendResult.Stale;
import org.commonground.store.WorkshopStore.CodeTakenException;
import org.commonground.support.Await;
import org.commonground.workshop.Code;
import org.commonground.workshop.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link WorkshopStore} contract, one suite for every store: each subclass sets {@link #store} before
 * each test (Redis standalone, in memory, …). One request at a time, awaited on the test thread.
 */
abstract class WorkshopStoreContract {
  protected WorkshopStore store;

  /** Asserts that nothing of the workshop is stored (a refused create or append leaves no trace). */
  protected void assertNoTrace(String workshopId) {
    assertThat(Await.of(store.epoch(workshopId))).isEmpty();
    assertThat(Await.of(store.seq(workshopId))).isZero();
  }

  // ------------------------------------------------------------------ helpers

  /** A fresh workshop at seq 1 with a facilitator token; returns its id. */
  protected String created(NewToken... tokens) {
    String w = Ids.workshopId();
    Await.of(store.create(w, joinCode(), "ep-" + w, firstBody(), List.of(tokens)));
    return w;
  }

  protected AppendResult append(String w, long expected, String participant, String ref, String... xs) {
    List<StoredEvent> bodies = new ArrayList<>();
    for (String x : xs) bodies.add(body(x));
    return Await.of(store.append(w, expected, participant, ref, "{\"r\":\"" + ref + "\"}", bodies, List.of()));
  }

  protected List<String> all(String w) { return Await.of(store.range(w, 1, Long.MAX_VALUE / 2, 10_000)); }

  /**
   * For the replicated set-ups with replica acks on: the moment a create or a post is acknowledged, it is
   * already on the replica ({@code replicaOf}: a connection that may read on the workshop's replica),
   * read there at once.
   */
  protected void assertAcknowledgedIsOnReplica(Function<String, RedisConnection> replicaOf) {
    Keys keys = new Keys(StoreFixtures.PREFIX);
    String w = created();
    RedisConnection replica = replicaOf.apply(w);
    assertThat(Await.of(replica.send(Request.cmd(Command.GET).arg(keys.seq(w)))).toLong())
        .as("the created workshop is on the replica").isEqualTo(1L);
    long seq = 1;
    for (int i = 0; i < 30; i++) {
      String x = "replicated-" + i;
      AppendResult r = append(w, seq, "p", "ref-" + x, x);
      assertThat(r).isInstanceOf(Appended.class);
      seq = ((Appended) r).lastSeq();
      Response entries = Await.of(replica.send(Request.cmd(Command.XRANGE).arg(keys.log(w))
          .arg(seq + "-1").arg(seq + "-1")));
      assertThat(entries.size()).as("post %d is on the replica when acknowledged", seq).isEqualTo(1);
      assertThat(StoreFixtures.xOf(entries.get(0).get(1).get(1).toString())).isEqualTo(x);
    }
  }

  /**
   * For the replicated set-ups (Sentinel, Cluster): 50 posts, then {@code killMaster} takes the workshop's master
   * away with SIGKILL, and the writer goes on as a node does, trying again until the replica is promoted. Posting
   * resumes within 60 s, every acknowledged post is in the log and the seqs have no gap.
   */
  protected void assertFailoverKeepsAcknowledged(Vertx vertx, Consumer<String> killMaster) {
    String w = created();
    List<String> acknowledged = new ArrayList<>();
    long seq = 1;
    for (int i = 0; i < 50; i++) seq = post(w, seq, "before-" + i, acknowledged);

    killMaster.accept(w);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int after = 0;
    while (after < 20) {
      assertThat(System.nanoTime()).as("posting resumed within 60 s").isLessThan(deadline);
      try {
        long current = Await.of(store.seq(w), Duration.ofSeconds(5));
        seq = post(w, current, "after-" + after, acknowledged);
        after++;
      } catch (RuntimeException | AssertionError notYet) {
        // The master is gone and its replica not promoted yet: the writer tries again, as a node does.
        Await.of(vertx.timer(100));
      }
    }

    List<String> log = all(w);
    assertThat(xsOf(log)).as("every acknowledged post is in the log").containsAll(acknowledged);
    assertThat(seqsOf(log)).as("no gap").isEqualTo(LongStream.rangeClosed(1, log.size()).boxed().toList());
  }

  /** One append against {@code seq}; its x counts as acknowledged once the store says it is in the log. */
  private long post(String w, long seq, String x, List<String> acknowledged) {
    AppendResult r = Await.of(store.append(w, seq, "p", "ref-" + x, "{}", List.of(body(x)), List.of()),
        Duration.ofSeconds(5));
    // A retry of a post whose answer was lost with the master hears its first answer.
    if (r instanceof Duplicate d && d.answer().seq() != null) {
      acknowledged.add(x);
      return d.answer().seq();
    }
    assertThat(r).isInstanceOf(Appended.class);
    acknowledged.add(x);
    return ((Appended) r).lastSeq();
  }

  // ------------------------------------------------------------------ create

  @Nested
  @DisplayName("create")
  class Create {
    @Test
    @DisplayName("stores seq 1 as the first event, sets the epoch and maps the join code to the workshop")
    void storesFirstEvent() {
      String w = Ids.workshopId();
      String code = joinCode();
      Await.of(store.create(w, code, "epoch-1", firstBody(), List.of()));

      assertThat(Await.of(store.seq(w))).isEqualTo(1L);
      assertThat(Await.of(store.epoch(w))).contains("epoch-1");
      assertThat(Await.of(store.workshopOfCode(code))).contains(w);
      List<String> log = all(w);
      assertThat(log).containsExactly("{\"seq\":1,\"ts\":0,\"x\":\"created\"}");
    }

    @Test
    @DisplayName("an unknown workshop has no epoch, seq 0 and an empty log; an unknown code opens nothing")
    void unknownWorkshop() {
      String w = Ids.workshopId();
      assertThat(Await.of(store.epoch(w))).isEmpty();
      assertThat(Await.of(store.seq(w))).isZero();
      assertThat(all(w)).isEmpty();
      assertThat(Await.of(store.workshopOfCode(joinCode()))).isEmpty();
    }

    @Test
    @DisplayName("tokens created with the workshop resolve to their grants")
    void tokensResolve() {
      String w = Ids.workshopId();
      NewToken fac = NewToken.mint(w, "f1", Role.FACILITATOR);
      NewToken display = NewToken.mint(w, TokenGrant.DISPLAY_ID, Role.DISPLAY);
      Await.of(store.create(w, joinCode(), "e", firstBody(), List.of(fac, display)));

      assertThat(Await.of(store.resolve(fac.token()))).contains(new TokenGrant(w, "f1", Role.FACILITATOR));
      assertThat(Await.of(store.resolve(display.token())))
          .contains(new TokenGrant(w, TokenGrant.DISPLAY_ID, Role.DISPLAY));
    }

    @Test
    @DisplayName("a token with a wrong secret, another workshop's id, or a malformed shape resolves to nothing")
    void wrongTokensDoNotResolve() {
      String w = Ids.workshopId();
      NewToken fac = NewToken.mint(w, "f1", Role.FACILITATOR);
      Await.of(store.create(w, joinCode(), "e", firstBody(), List.of(fac)));
      String secret = fac.token().substring(fac.token().indexOf('.') + 1);

      List<String> wrong = List.of(
          Tokens.mint(w),                                   // right workshop, wrong secret
          fac.token() + "x",                                // secret changed
          Ids.workshopId() + "." + secret,                  // right secret, other workshop
          w.toUpperCase() + "." + secret,                   // id not in the alphabet
          secret,                                           // no workshop id at all
          w,                                                // no secret
          w + ".",                                          // empty secret
          "." + secret,                                     // empty id
          "",                                               // nothing
          w + "." + "a".repeat(300));                       // far too long
      for (String t : wrong) {
        assertThat(Await.of(store.resolve(t))).as("resolve(%s)", t).isEmpty();
      }
      assertThat(Await.of(store.resolve(null))).isEmpty();
      assertThat(Await.of(store.resolve(fac.token()))).isPresent();
    }


    @Test
    @DisplayName("a second create with a taken join code fails with CodeTakenException and leaves no keys for its id")
    void codeTaken() {
      String code = joinCode();
      String first = Ids.workshopId();
      Await.of(store.create(first, code, "e1", firstBody(), List.of()));

      String second = Ids.workshopId();
      NewToken tok = NewToken.mint(second, "f2", Role.FACILITATOR);
      assertThatThrownBy(() -> Await.of(store.create(second, code, "e2", firstBody(), List.of(tok))))
          .isInstanceOf(CodeTakenException.class);

      assertNoTrace(second);
      assertThat(Await.of(store.epoch(second))).isEmpty();
      assertThat(Await.of(store.seq(second))).isZero();
      assertThat(Await.of(store.resolve(tok.token()))).isEmpty();
      assertThat(Await.of(store.workshopOfCode(code))).contains(first);
      assertThat(Await.of(store.epoch(first))).contains("e1");
      assertThat(all(first)).hasSize(1);
    }

    @Test
    @DisplayName("two creates racing for one join code: exactly one wins, the other gets CodeTakenException")
    void codeRace() {
      String code = joinCode();
      String a = Ids.workshopId();
      String b = Ids.workshopId();
      Future<Void> fa = store.create(a, code, "ea", firstBody(), List.of());
      Future<Void> fb = store.create(b, code, "eb", firstBody(), List.of());
      Await.of(Future.join(fa, fb).otherwiseEmpty());

      assertThat(List.of(fa.succeeded(), fb.succeeded())).containsExactlyInAnyOrder(true, false);
      Future<Void> loser = fa.succeeded() ? fb : fa;
      String winner = fa.succeeded() ? a : b;
      String loserId = fa.succeeded() ? b : a;
      assertThat(loser.cause()).isInstanceOf(CodeTakenException.class);
      assertThat(Await.of(store.workshopOfCode(code))).contains(winner);
      assertNoTrace(loserId);
    }

    @Test
    @DisplayName("creating over an existing workshop id fails, keeps its log, and releases the new join code")
    void existingIdReleasesCode() {
      String code1 = joinCode();
      String w = Ids.workshopId();
      Await.of(store.create(w, code1, "e1", firstBody(), List.of()));
      assertThat(append(w, 1, "p", "r1", "a")).isEqualTo(new Appended(2));

      String code2 = joinCode();
      assertThatThrownBy(() -> Await.of(store.create(w, code2, "e2", firstBody(), List.of())))
          .isNotInstanceOf(CodeTakenException.class);

      assertThat(Await.of(store.workshopOfCode(code2))).isEmpty();
      assertThat(Await.of(store.workshopOfCode(code1))).contains(w);
      assertThat(Await.of(store.epoch(w))).contains("e1");
      assertThat(seqsOf(all(w))).containsExactly(1L, 2L);
    }
  }

  // ------------------------------------------------------------------ append

  @Nested
  @DisplayName("append")
  class Append {
    @Test
    @DisplayName("successive appends get consecutive seqs, stored as {\"seq\":N, followed by the body")
    void consecutive() {
      String w = created();
      assertThat(append(w, 1, "p", "r1", "a")).isEqualTo(new Appended(2));
      assertThat(append(w, 2, "p", "r2", "b")).isEqualTo(new Appended(3));
      assertThat(append(w, 3, "q", "r3", "c")).isEqualTo(new Appended(4));

      assertThat(Await.of(store.seq(w))).isEqualTo(4L);
      List<String> log = all(w);
      assertThat(seqsOf(log)).containsExactly(1L, 2L, 3L, 4L);
      assertThat(log.get(1)).isEqualTo("{\"seq\":2,\"ts\":1,\"x\":\"a\"}");
      assertThat(xsOf(log)).containsExactly("created", "a", "b", "c");
    }

    @Test
    @DisplayName("an append against a stale seq writes nothing and answers Stale(current) with the events it missed")
    void stale() {
      String w = created();
      append(w, 1, "p", "r1", "a");
      append(w, 2, "p", "r2", "b");
      NewToken tok = NewToken.mint(w, "late", Role.PARTICIPANT);

      AppendResult behind = Await.of(store.append(w, 2, "p", "r3", "{}", List.of(body("late")), List.of(tok)));
      AppendResult ahead = Await.of(store.append(w, 9, "p", "r4", "{}", List.of(body("future")), List.of()));

      assertThat(behind).isInstanceOf(Stale.class);
      assertThat(((Stale) behind).currentSeq()).isEqualTo(3);
      assertThat(xsOf(((Stale) behind).missed())).as("what the caller missed comes with the answer").containsExactly("b");
      assertThat(ahead).isEqualTo(new Stale(3));
      assertThat(Await.of(store.seq(w))).isEqualTo(3L);
      assertThat(xsOf(all(w))).containsExactly("created", "a", "b");
      assertThat(Await.of(store.resolve(tok.token()))).as("no token from a refused append").isEmpty();
      assertThat(Await.of(store.answerOf(w, "p", "r3"))).as("no ref from a refused append").isEmpty();
      // the refused ref is free: resent against the current seq it is appended
      assertThat(Await.of(store.append(w, 3, "p", "r3", "{}", List.of(body("late")), List.of(tok))))
          .isEqualTo(new Appended(4));
      assertThat(Await.of(store.resolve(tok.token()))).isPresent();
    }

    @Test
    @DisplayName("an append to a workshop that does not exist (never created, purged or expired) is Gone and writes nothing")
    void appendToUnknown() {
      String w = Ids.workshopId();
      assertThat(append(w, 1, "p", "r1", "a")).isEqualTo(new AppendResult.Gone());
      assertThat(append(w, 0, "p", "r2", "a")).isEqualTo(new AppendResult.Gone());
      assertNoTrace(w);
    }

    @Test
    @DisplayName("a multi-event append gives its events consecutive seqs and answers the last one")
    void multiEvent() {
      String w = created();
      assertThat(append(w, 1, "p", "r1", "a", "b", "c")).isEqualTo(new Appended(4));
      assertThat(append(w, 4, "p", "r2", "d", "e")).isEqualTo(new Appended(6));

      List<String> log = all(w);
      assertThat(seqsOf(log)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(xsOf(log)).containsExactly("created", "a", "b", "c", "d", "e");
      assertThat(Await.of(store.answerOf(w, "p", "r1")))
          .contains(StoredAnswer.ack(4L, "{\"r\":\"r1\"}"));
    }

    @Test
    @DisplayName("tokens passed with a multi-event append resolve afterwards, each to its own grant")
    void tokensWithAppend() {
      String w = created();
      NewToken sam = NewToken.mint(w, "sam", Role.PARTICIPANT);
      NewToken kim = NewToken.mint(w, "kim", Role.FACILITATOR);
      NewToken screen = NewToken.mint(w, TokenGrant.DISPLAY_ID, Role.DISPLAY);

      AppendResult r = Await.of(store.append(w, 1, "sam", "join-1", "{}",
          List.of(body("a"), body("b"), body("c")), List.of(sam, kim, screen)));

      assertThat(r).isEqualTo(new Appended(4));
      assertThat(Await.of(store.resolve(sam.token()))).contains(new TokenGrant(w, "sam", Role.PARTICIPANT));
      assertThat(Await.of(store.resolve(kim.token()))).contains(new TokenGrant(w, "kim", Role.FACILITATOR));
      assertThat(Await.of(store.resolve(screen.token())))
          .contains(new TokenGrant(w, TokenGrant.DISPLAY_ID, Role.DISPLAY));
      assertThat(xsOf(all(w))).containsExactly("created", "a", "b", "c");
    }

    @Test
    @DisplayName("bodies with quotes, unicode and separators are stored verbatim")
    void bodiesVerbatim() {
      String w = created();
      String tricky = "tea \"with\" milk | ünïcödé 🫖 \\ {\"seq\":99,";
      append(w, 1, "p", "r1", tricky);
      String stored = all(w).get(1);
      assertThat(seqOf(stored)).isEqualTo(2L);
      assertThat(StoreFixtures.xOf(stored)).isEqualTo(tricky);
    }
  }

  // ------------------------------------------------------------------ refs

  @Nested
  @DisplayName("idempotent refs")
  class Refs {
    @Test
    @DisplayName("an append with a ref already used answers Duplicate with the first answer and writes nothing")
    void duplicateAppend() {
      String w = created();
      NewToken tok = NewToken.mint(w, "x", Role.PARTICIPANT);
      assertThat(Await.of(store.append(w, 1, "p", "r1", "{\"id\":\"c1\"}", List.of(body("a"), body("b")),
          List.of()))).isEqualTo(new Appended(3));

      AppendResult again = Await.of(store.append(w, 3, "p", "r1", "{\"id\":\"c2\"}", List.of(body("a-again")),
          List.of(tok)));

      assertThat(again).isEqualTo(new Duplicate(StoredAnswer.ack(3L, "{\"id\":\"c1\"}")));
      assertThat(Await.of(store.seq(w))).isEqualTo(3L);
      assertThat(xsOf(all(w))).containsExactly("created", "a", "b");
      assertThat(Await.of(store.resolve(tok.token()))).isEmpty();
      assertThat(Await.of(store.answerOf(w, "p", "r1"))).contains(StoredAnswer.ack(3L, "{\"id\":\"c1\"}"));
    }

    @Test
    @DisplayName("a resent command is a Duplicate even after the log has moved on (not Stale)")
    void duplicateBeatsStale() {
      String w = created();
      append(w, 1, "p", "r1", "a");
      append(w, 2, "q", "r9", "b");
      AppendResult resent = Await.of(store.append(w, 1, "p", "r1", "{\"r\":\"r1\"}", List.of(body("a")), List.of()));
      assertThat(resent).isEqualTo(new Duplicate(StoredAnswer.ack(2L, "{\"r\":\"r1\"}")));
      assertThat(xsOf(all(w))).containsExactly("created", "a", "b");
    }

    @Test
    @DisplayName("refs belong to their participant: the same ref from someone else is a new command")
    void refsPerParticipant() {
      String w = created();
      assertThat(append(w, 1, "p", "r1", "a")).isEqualTo(new Appended(2));
      assertThat(append(w, 2, "q", "r1", "b")).isEqualTo(new Appended(3));
      assertThat(Await.of(store.answerOf(w, "p", "r1"))).contains(StoredAnswer.ack(2L, "{\"r\":\"r1\"}"));
      assertThat(Await.of(store.answerOf(w, "q", "r1"))).contains(StoredAnswer.ack(3L, "{\"r\":\"r1\"}"));
      assertThat(Await.of(store.answerOf(w, "z", "r1"))).isEmpty();
    }

    @Test
    @DisplayName("rememberAnswer keeps the first answer only, returns it to a resend, and answerOf returns it")
    void rememberFirstOnly() {
      String w = created();
      StoredAnswer first = StoredAnswer.error(Code.PHASE_CLOSED, "the phase | is closed");
      assertThat(Await.of(store.rememberAnswer(w, "p", "r1", first))).isEqualTo(first);
      assertThat(Await.of(store.rememberAnswer(w, "p", "r1", StoredAnswer.ack(null, "{\"changed\":false}"))))
          .as("the resend hears the first answer").isEqualTo(first);

      assertThat(Await.of(store.answerOf(w, "p", "r1"))).contains(first);
      assertThat(Await.of(store.answerOf(w, "p", "r1")).orElseThrow().isError()).isTrue();
    }

    @Test
    @DisplayName("an ack that changed nothing (no seq) is remembered as such")
    void rememberAckWithoutSeq() {
      String w = created();
      StoredAnswer nothing = StoredAnswer.ack(null, "{\"changed\":false,\"note\":\"a|b\"}");
      Await.of(store.rememberAnswer(w, "p", "r2", nothing));
      assertThat(Await.of(store.answerOf(w, "p", "r2"))).contains(nothing);
    }

    @Test
    @DisplayName("an append with a ref answered by rememberAnswer is a Duplicate of that answer and writes nothing")
    void appendAfterRemembered() {
      String w = created();
      StoredAnswer err = StoredAnswer.error(Code.FORBIDDEN, "not yours");
      Await.of(store.rememberAnswer(w, "p", "r1", err));

      assertThat(append(w, 1, "p", "r1", "a")).isEqualTo(new Duplicate(err));
      assertThat(Await.of(store.seq(w))).isEqualTo(1L);
      assertThat(all(w)).hasSize(1);
    }

    @Test
    @DisplayName("rememberAnswer does not overwrite the answer of an appended command")
    void rememberDoesNotOverwriteAppend() {
      String w = created();
      append(w, 1, "p", "r1", "a");
      assertThat(Await.of(store.rememberAnswer(w, "p", "r1", StoredAnswer.error(Code.INTERNAL, "late"))))
          .as("a resend decided again as refused still hears the append's ack")
          .isEqualTo(StoredAnswer.ack(2L, "{\"r\":\"r1\"}"));
      assertThat(Await.of(store.answerOf(w, "p", "r1"))).contains(StoredAnswer.ack(2L, "{\"r\":\"r1\"}"));
    }


    @Test
    @DisplayName("an unknown ref has no answer")
    void unknownRef() {
      String w = created();
      assertThat(Await.of(store.answerOf(w, "p", "nope"))).isEqualTo(Optional.empty());
    }
  }

  // ------------------------------------------------------------------ range

  @Nested
  @DisplayName("range")
  class Range {
    private String tenEvents() {
      String w = created();
      assertThat(append(w, 1, "p", "r1", "2", "3", "4", "5", "6")).isEqualTo(new Appended(6));
      assertThat(append(w, 6, "p", "r2", "7", "8", "9", "10")).isEqualTo(new Appended(10));
      return w;
    }

    @Test
    @DisplayName("both bounds are inclusive")
    void inclusive() {
      String w = tenEvents();
      assertThat(seqsOf(Await.of(store.range(w, 3, 6, 100)))).containsExactly(3L, 4L, 5L, 6L);
      assertThat(seqsOf(Await.of(store.range(w, 10, 10, 100)))).containsExactly(10L);
      assertThat(seqsOf(Await.of(store.range(w, 1, 1, 100)))).containsExactly(1L);
      assertThat(xsOf(Await.of(store.range(w, 7, 8, 100)))).containsExactly("7", "8");
    }

    @Test
    @DisplayName("at most limit events are returned, the earliest first")
    void limit() {
      String w = tenEvents();
      assertThat(seqsOf(Await.of(store.range(w, 1, 10, 4)))).containsExactly(1L, 2L, 3L, 4L);
      assertThat(seqsOf(Await.of(store.range(w, 5, 100, 2)))).containsExactly(5L, 6L);
      assertThat(seqsOf(Await.of(store.range(w, 1, 10, 1)))).containsExactly(1L);
    }

    @Test
    @DisplayName("a limit of 0 answers an empty list")
    void limitZero() {
      String w = tenEvents();
      assertThat(Await.of(store.range(w, 1, 10, 0))).isEmpty();
    }

    @Test
    @DisplayName("above the last seq the answer is empty; a gap is filled from n+1 up to what was heard")
    void aboveLast() {
      String w = tenEvents();
      assertThat(Await.of(store.range(w, 11, 20, 100))).isEmpty();
      assertThat(Await.of(store.range(w, 11, Long.MAX_VALUE - 1, 100))).isEmpty();
      // how the hub reads "everything after n"
      assertThat(seqsOf(Await.of(store.range(w, 9, Long.MAX_VALUE - 1, 100)))).containsExactly(9L, 10L);
      assertThat(seqsOf(Await.of(store.range(w, 9, Long.MAX_VALUE, 100)))).containsExactly(9L, 10L);
      assertThat(seqsOf(Await.of(store.range(w, 8, 20, 100)))).containsExactly(8L, 9L, 10L);
      // a subscriber that heard 5 then 8 reads 6..7
      assertThat(seqsOf(Await.of(store.range(w, 6, 7, 100)))).containsExactly(6L, 7L);
    }

    @Test
    @DisplayName("from > to, or an unknown workshop, gives an empty list")
    void empty() {
      String w = tenEvents();
      assertThat(Await.of(store.range(w, 5, 4, 100))).isEmpty();
      assertThat(Await.of(store.range(Ids.workshopId(), 1, 10, 100))).isEmpty();
    }
  }

  // ------------------------------------------------------------------ failed joins

  @Nested
  @DisplayName("countFailedJoin")
  class FailedJoins {
    @Test
    @DisplayName("counts failures per address within a window and reports the seconds left")
    void counts() {
      String addr = "10.0.0." + Ids.random(4);
      long[] one = Await.of(store.countFailedJoin(addr, 60));
      long[] two = Await.of(store.countFailedJoin(addr, 60));
      long[] three = Await.of(store.countFailedJoin(addr, 60));
      long[] other = Await.of(store.countFailedJoin(addr + "-other", 60));

      assertThat(new long[] {one[0], two[0], three[0]}).containsExactly(1, 2, 3);
      assertThat(one[1]).isBetween(58L, 60L);
      assertThat(three[1]).isBetween(1L, one[1]);
      assertThat(other[0]).isEqualTo(1);
    }

    @Test
    @DisplayName("the window does not slide: later failures keep the first failure's deadline")
    void fixedWindow() {
      String addr = "10.0.1." + Ids.random(4);
      Await.of(store.countFailedJoin(addr, 60));
      long[] again = Await.of(store.countFailedJoin(addr, 3600));
      assertThat(again[0]).isEqualTo(2);
      assertThat(again[1]).isLessThanOrEqualTo(60L);
    }


  }

  // ------------------------------------------------------------------ presence

  @Nested
  @DisplayName("presence")
  class PresenceTests {
    @Test
    @DisplayName("publishPresence keeps each node's last message, and presence() returns one per node")
    void perNode() {
      String w = created();
      Await.of(store.publishPresence(w, "nodeA", "{\"node\":\"A\",\"v\":1}"));
      Await.of(store.publishPresence(w, "nodeB", "{\"node\":\"B\",\"v\":1}"));
      Await.of(store.publishPresence(w, "nodeA", "{\"node\":\"A\",\"v\":2}"));

      assertThat(Await.of(store.presence(w)))
          .containsExactlyInAnyOrder("{\"node\":\"A\",\"v\":2}", "{\"node\":\"B\",\"v\":1}");
      // presence is not part of the event log
      assertThat(all(w)).hasSize(1);
    }

    @Test
    @DisplayName("a workshop nobody published presence for has none")
    void none() {
      assertThat(Await.of(store.presence(Ids.workshopId()))).isEmpty();
    }
  }

  // ------------------------------------------------------------------ purge

  @Nested
  @DisplayName("purge")
  class PurgeTests {
    @Test
    @DisplayName("a purged workshop's log, words, tokens, answers, presence and join code are gone, and nothing brings it back")
    void everythingGone() {
      String w = Ids.workshopId();
      String code = joinCode();
      NewToken fac = NewToken.mint(w, "f1", Role.FACILITATOR);
      NewToken later = NewToken.mint(w, "p9", Role.PARTICIPANT);
      Await.of(store.create(w, code, "ep", firstBody(), List.of(fac)));
      Await.of(store.append(w, 1, "p", "r1", "{}", List.of(new StoredEvent("\"ts\":1,\"text\":{\"$t\":\"c1\"}}",
          new StoredEvent.TextOp(StoredEvent.TextOp.Kind.SET, "c1", "\"my words\""))), List.of(later)));
      Await.of(store.rememberAnswer(w, "p", "r2", StoredAnswer.ack(null, "{}")));
      Await.of(store.publishPresence(w, "nodeA", "{\"node\":\"A\"}"));

      Await.of(store.purge(w, code));

      assertNoTrace(w);
      assertThat(all(w)).isEmpty();
      assertThat(Await.of(store.resolve(fac.token()))).isEmpty();
      assertThat(Await.of(store.resolve(later.token()))).isEmpty();
      assertThat(Await.of(store.answerOf(w, "p", "r1"))).isEmpty();
      assertThat(Await.of(store.answerOf(w, "p", "r2"))).isEmpty();
      assertThat(Await.of(store.presence(w))).isEmpty();
      assertThat(Await.of(store.workshopOfCode(code))).isEmpty();
      assertThat(append(w, 0, "p", "r3", "again")).isInstanceOf(AppendResult.Gone.class);
      Await.of(store.publishPresence(w, "nodeA", "{\"node\":\"A\"}"));
      assertNoTrace(w);
    }
  }

  @Test
  @DisplayName("ping answers while the store is up")
  void ping() {
    Await.of(store.ping());
  }
}
