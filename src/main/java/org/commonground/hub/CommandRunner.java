package org.commonground.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.commonground.hub.live.AppendRound;
import org.commonground.hub.live.ReplicaLog;
import org.commonground.protocol.Json;
import org.commonground.protocol.SequencedEvent;
import org.commonground.store.Ids;
import org.commonground.store.NewToken;
import org.commonground.store.StoredAnswer;
import org.commonground.store.StoredEvent;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Decision;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Event;
import org.commonground.workshop.Workshop;
import org.commonground.workshop.WorkshopState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one workshop's commands, one at a time, through the optimistic loop ({@link AppendRound}): decide
 * against the replica, append, apply what the answer brings. The shell of that loop: it makes the store
 * calls; the rules are in {@link Workshop#decide} and {@link AppendRound}. Runs on the workshop's context.
 */
final class CommandRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
  static final String BUSY = "this workshop is very busy; try again in a moment";

  /** The live workshop as its commands see it. */
  interface Host {
    WorkshopState state();

    /** Hands the replica an event (applied in order, or held past a gap). */
    void offer(SequencedEvent e);

    Future<Void> catchUp();

    /** The workshop no longer exists. */
    void gone();

    /** Events this node appended, for the theme help. */
    void appended(List<Event> events);
  }

  private final String id;
  private final Context context;
  private final WorkshopStore store;
  private final HubMetrics metrics;
  private final HubSettings settings;
  private final ReplicaLog log;
  private final Host host;
  /** Commands waiting their turn. Bounded by {@link HubSettings#maxQueuedCommands}: past it a command is refused. */
  private final CommandQueue queue;
  /** When this node last renewed the workshop's idle lifetime (0: not since it loaded the workshop). */
  private long lifetimeRenewedAt;
  private final AppendRound.Replica replica;

  CommandRunner(String id, Context context, WorkshopStore store, HubMetrics metrics, HubSettings settings,
                ReplicaLog log, Host host) {
    this.id = id;
    this.context = context;
    this.store = store;
    this.metrics = metrics;
    this.settings = settings;
    this.log = log;
    this.host = host;
    this.queue = new CommandQueue(id, settings.maxQueuedCommands());
    this.replica = new AppendRound.Replica() {
      @Override
      public long seq() { return log.seq(); }

      @Override
      public void offer(SequencedEvent e) { host.offer(e); }
    };
  }

  boolean idle() { return queue.idle(); }

  /** Runs a task after those before it; a task that finds the queue full is refused, never held. */
  void enqueue(Supplier<Future<Void>> task, Runnable refuse) { queue.offer(task, refuse); }

  /** Queues a command of the server's own (theme help); nobody waits for its answer, and a full queue drops it. */
  void runAsServer(Command command) {
    enqueue(() -> execute(Actor.SERVER, "server-" + Ids.random(12), command, d -> List.of()).mapEmpty(), () -> { });
  }

  /** Queues a command; completes once its events are applied here (or it was refused). */
  Future<Outcome> submit(Actor actor, String ref, Command command, Function<Decision.Accepted, List<NewToken>> tokens) {
    Promise<Outcome> p = Promise.promise();
    enqueue(() -> execute(actor, ref, command, tokens).onComplete(p).mapEmpty(),
        () -> p.complete(new Outcome.Error(Code.RATE_LIMITED, BUSY)));
    return p.future();
  }

  /**
   * Decides first and asks the store once: an append answers a resent ref with its first answer
   * ({@code dup}), and so does {@code rememberAnswer} for a command that appends nothing.
   */
  Future<Outcome> execute(Actor actor, String ref, Command command, Function<Decision.Accepted, List<NewToken>> tokens) {
    return decideAndAppend(actor, ref, command, tokens, new AppendRound(now()))
        .recover(err -> {
          LOG.warn("command {} in workshop {} failed: {}", command.commandName(), id, err.toString());
          return Future.succeededFuture(new Outcome.Error(Code.INTERNAL, "could not save that just now; please try again"));
        });
  }

  private Future<Outcome> decideAndAppend(Actor actor, String ref, Command command,
                                          Function<Decision.Accepted, List<NewToken>> tokens, AppendRound round) {
    long now = now();
    WorkshopState state = host.state();
    Decision decision = Workshop.decide(state, command, actor, now);
    if (decision instanceof Decision.Rejected r) {
      StoredAnswer answer = StoredAnswer.error(r.rejection().code(), r.rejection().message());
      return here(store.rememberAnswer(id, actor.participantId(), ref, answer)).map(CommandRunner::outcomeOf);
    }
    Decision.Accepted accepted = (Decision.Accepted) decision;
    String resultJson = Json.result(accepted.result());
    if (accepted.events().isEmpty()) {
      StoredAnswer answer = StoredAnswer.ack(null, resultJson);
      return here(store.rememberAnswer(id, actor.participantId(), ref, answer)).map(CommandRunner::outcomeOf);
    }
    List<StoredEvent> bodies = new ArrayList<>();
    for (Emitted e : accepted.events()) bodies.add(StoredEvents.of(now, e));
    long expected = log.seq();
    boolean ends = accepted.events().stream().anyMatch(e -> e.event() instanceof Event.WorkshopEnded);
    long lifetime = ends ? state.settings().retentionDays() * 86_400L : lifetimeToRenew(state, accepted, now);
    log.appendSent(bodies.size());
    return here(store.append(id, expected, actor.participantId(), ref, resultJson, bodies, tokens.apply(accepted),
        lifetime))
        .andThen(ar -> {
          log.appendAnswered();
          // After this answer's events are applied (below, in this same task), whatever was dropped and is
          // still missing is read from the log.
          context.runOnContext(v -> {
            if (log.droppedEchoMissing()) host.catchUp();
          });
        })
        .compose(result -> {
          AppendRound.Next next = round.answered(result, bodies.size(), now(), replica);
          if (next instanceof AppendRound.Next.Appended a) {
            metrics.appended(bodies.size());
            for (int i = 0; i < bodies.size(); i++) {
              Emitted e = accepted.events().get(i);
              host.offer(new SequencedEvent(a.first() + i, now, e.by(), e.event()));
            }
            host.appended(accepted.events().stream().map(Emitted::event).toList());
            Outcome ack = new Outcome.Ack(a.last(), resultJson);
            if (lifetime == 0) return Future.succeededFuture(ack);
            if (!ends) lifetimeRenewedAt = now;
            // The join code lives outside the workshop's slot, so it is set to expire in a second step,
            // before the facilitator hears the end is done.
            return here(store.expireJoinCode(host.state().joinCode(), lifetime))
                .recover(err -> {
                  LOG.warn("join code of workshop {} not set to expire: {}", id, err.toString());
                  return Future.succeededFuture();
                }).map(v -> ack);
          }
          if (next instanceof AppendRound.Next.Duplicate d) return Future.succeededFuture(outcomeOf(d.answer()));
          if (next instanceof AppendRound.Next.Gone) {
            host.gone();
            return Future.succeededFuture(new Outcome.Error(Code.NOT_FOUND, "this workshop no longer exists"));
          }
          if (next instanceof AppendRound.Next.GiveUp) {
            return Future.succeededFuture(new Outcome.Error(Code.INTERNAL, "the workshop is too busy; please try again"));
          }
          Future<Void> caughtUp = ((AppendRound.Next.DecideAgain) next).readLogFirst() ? host.catchUp() : Future.succeededFuture();
          return caughtUp.compose(v -> decideAndAppend(actor, ref, command, tokens, round));
        });
  }

  /**
   * The idle lifetime to set with this append, or 0 to leave the expiry alone: only for a started workshop
   * (one nobody started keeps the deadline it was created with), and at most once per renewal interval.
   */
  private long lifetimeToRenew(WorkshopState state, Decision.Accepted accepted, long now) {
    long idle = settings.idleLifetimeSeconds();
    if (idle == 0 || state.status() == WorkshopState.Status.ENDED || now - lifetimeRenewedAt < HubSettings.LIFETIME_RENEWAL_MS) return 0;
    // Only these events set the status (an end is handled by the caller), so the events need not be applied
    // to know it: applying them here cost as much as the replica's own apply, on every post before the start.
    WorkshopState.Status after = state.status();
    for (Emitted e : accepted.events()) {
      if (e.event() instanceof Event.WorkshopUpdated u) after = u.status();
      else if (e.event() instanceof Event.WorkshopCreated) after = WorkshopState.Status.LOBBY;
    }
    return after == WorkshopState.Status.RUNNING ? idle : 0;
  }

  private static Outcome outcomeOf(StoredAnswer a) {
    return a.isError() ? new Outcome.Error(a.errorCode(), a.errorMessage()) : new Outcome.Ack(a.seq(), a.resultJson());
  }

  private static long now() { return System.currentTimeMillis(); }

  private <T> Future<T> here(Future<T> f) { return Contexts.on(context, f); }
}
