package org.commonground.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.commonground.hub.live.AppendRound;
import org.commonground.hub.live.Cursor;
import org.commonground.hub.live.ReplicaLog;
import org.commonground.hub.live.SharedRead;
import org.commonground.protocol.ClientFrame.Resume;
import org.commonground.protocol.CloseCode;
import org.commonground.protocol.EventFrames;
import org.commonground.protocol.SequencedEvent;
import org.commonground.protocol.ServerFrames;
import org.commonground.store.NewToken;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Decision;
import org.commonground.workshop.Event;
import org.commonground.workshop.Workshop;
import org.commonground.workshop.WorkshopState;

/**
 * This node's replica of one workshop and its local connections: the driver of the pure live core. The
 * rules are in {@link ReplicaLog} (order, gaps, own echoes), {@link AppendRound} (the optimistic
 * decide-append loop, run by {@link CommandRunner}), {@link SharedRead} (one catch-up read at a time, by
 * {@link CatchUp}), {@link Cursor} (each member's place in the log, its pending acks, resume paging, moved
 * by {@link Fanout}) and {@link org.commonground.hub.live.PresenceNews} (who came and went, told by
 * {@link LivePresence}). This class wires them to the store, the sockets and the timers.
 * Everything here runs on the workshop's own context (one event loop), so no field needs a lock.
 */
final class LiveWorkshop {
  final String id;
  final Context context;
  private final WorkshopStore store;
  private final HubMetrics metrics;
  private final HubSettings settings;
  private final Runnable onIdle;
  private final Runnable onGone;
  private final ThemeAssist themeAssist;
  /** Finds the language of posted text before it is decided (see {@link LanguageWork}). */
  private final LanguageWork languages;
  private final CrossingPresses presses = new CrossingPresses();

  private WorkshopState state;
  private String epoch;
  private final ReplicaLog log;
  private final CatchUp catchUps;
  private final Fanout fanout;
  private final PersonRates rates;
  /** Runs the commands, one at a time, through the decide-append loop. */
  private final CommandRunner commands;
  private final LivePresence presence;
  private final OneTimer idleTimer;
  private boolean deleted;
  final Promise<Void> ready = Promise.promise();

  /** Told of the events this node appended, once applied (the series' other meetings hear of them). */
  private Consumer<List<Event>> afterAppend = events -> { };

  LiveWorkshop(String id, Context context, WorkshopStore store, HubMetrics metrics, HubSettings settings,
               String nodeId, Runnable onIdle, Runnable onGone, ThemeWork themes, LanguageWork languages) {
    this.id = id;
    this.context = context;
    this.store = store;
    this.metrics = metrics;
    this.settings = settings;
    this.onIdle = onIdle;
    this.onGone = onGone;
    this.languages = languages;
    this.state = WorkshopState.empty(id);
    this.log = new ReplicaLog(settings.maxEarlyEvents());
    this.fanout = new Fanout(id, context, store, metrics, settings.resumeFrames(), log::seq);
    this.catchUps = new CatchUp(id, context, store, log::seq, this::offer, () -> !deleted && !fanout.isEmpty());
    this.rates = new PersonRates(settings);
    this.presence = new LivePresence(id, nodeId, context.owner(), store, fanout, settings.presenceCoalesceMs());
    this.idleTimer = new OneTimer(context.owner());
    this.commands = new CommandRunner(id, context, store, metrics, settings, log, new CommandRunner.Host() {
      @Override public WorkshopState state() { return state; }
      @Override public void offer(SequencedEvent e) { LiveWorkshop.this.offer(e); }
      @Override public Future<Void> catchUp() { return LiveWorkshop.this.catchUp(); }
      @Override public void gone() { LiveWorkshop.this.gone(); }
      @Override public void appended(List<Event> events) {
        themeAssist.appended(events);
        afterAppend.accept(events);
      }
    });
    this.themeAssist = new ThemeAssist(id, context, themes, settings.placementDebounceMs(), new ThemeAssist.Host() {
      @Override public WorkshopState state() { return state; }
      @Override public void submit(Member m, String ref, Command command) { LiveWorkshop.this.submit(m, ref, command); }
      @Override public void submitAsServer(Command command) { commands.runAsServer(command); }
    });
  }

  /** Reads the whole log (the caller has subscribed first, so nothing published meanwhile is missed). */
  Future<Void> load() {
    return here(store.epoch(id)).compose(e -> {
      if (e.isEmpty()) return Future.failedFuture(new NoSuchWorkshopException(id));
      epoch = e.get();
      return catchUp();
    }).compose(v -> here(store.hiddenTexts(id))).compose(hidden -> {
      // The log has no words of hidden contributions; facilitators see them, and unhiding brings them back.
      state = HiddenTexts.restore(state, hidden);
      return here(store.presence(id));
    }).map(list -> {
      presence.loaded(list, now());
      scheduleIdleCheck();
      return (Void) null;
    });
  }

  WorkshopState state() { return state; }

  /** Set by the hub before the workshop runs any command. */
  void afterAppend(Consumer<List<Event>> f) { afterAppend = f; }

  // ---------------------------------------------------------------- the log

  /** See {@link ReplicaLog#alreadyApplied}: safe from any thread. */
  boolean alreadyApplied(String message) { return log.alreadyApplied(message); }

  /** A message from the workshop's channel: an event, or another node's presence. */
  void heard(String message) {
    if (ReplicaLog.isEvent(message)) {
      if (alreadyApplied(message)) return;
      offer(SequencedEvent.parse(message));
    } else if (message.equals(WorkshopStore.PURGED_MESSAGE)) {
      gone();
    } else {
      presence.heard(message);
    }
  }

  private void offer(SequencedEvent e) {
    if (log.offer(e, this::applyAndDeliver)) catchUp();
  }

  private void applyAndDeliver(SequencedEvent e) {
    int phaseBefore = state.exists() ? state.agendaPosition() : -1;
    if (HiddenTexts.takesWordsBack(state, e.event())) fanout.forgetHeld();
    state = Workshop.apply(state, e.event());
    fanout.deliver(e.seq(), EventFrames.encode(e));
    metrics.deliveredAfter(e.ts(), now());
    presses.applied(e, phaseBefore, state.agendaPosition());
    if (e.event() instanceof Event.ParticipantRemoved r) {
      // Their connections go, after this event; their token no longer opens anything (they are not in the state).
      fanout.close(r.id(), CloseCode.REMOVED.code(), "removed from the workshop");
    }
  }

  /** Reads everything after our seq from the log (see {@link CatchUp}). */
  Future<Void> catchUp() { return catchUps.start(); }

  // ---------------------------------------------------------------- connections

  /**
   * Welcomes a connection: a resume when its epoch matches and its seq is one we have, and no earlier than
   * the token's first welcome ({@code since}, see {@link Cursor#resumeFrom}); else the full state.
   */
  boolean attach(Member m, Resume resume, long since) {
    String person = m.you.participantId();
    if (presence.connections(person) >= settings.connectionsPerPerson()) return false;
    idleTimer.cancel();
    long seq = log.seq();
    long resumeFrom = resume == null ? -1 : Cursor.resumeFrom(resume.epoch(), resume.seq(), epoch, seq, since);
    boolean resumed = resumeFrom >= 0;
    long from = resumed ? resumeFrom : seq;
    presence.connected(person);
    fanout.welcome(m, from, ServerFrames.welcome(m.you, now(), epoch, from, resumed, state, presence.online(now())));
    return true;
  }

  void detach(Member m) {
    if (!fanout.remove(m)) return;
    if (presence.disconnected(m.you.participantId())) rates.forget(m.you.participantId());
    scheduleIdleCheck();
  }

  void closeAll(short code, String reason) { fanout.closeAll(code, reason); }

  int memberCount() { return fanout.size(); }

  // ---------------------------------------------------------------- commands

  /**
   * Runs a command after those before it, and tells its sender through the member (ev before ack).
   * The queue is bounded; a command that finds it full is refused, never held.
   */
  void submit(Member m, String ref, Command received) {
    languages.warm();
    if (!rates.tryTake(m.you.participantId(), System.nanoTime())) {
      m.send(ServerFrames.err(ref, Code.RATE_LIMITED, "too many commands; slow down"));
      return;
    }
    Actor actor = new Actor(m.grant.participantId(), m.grant.role());
    Command command = presses.pin(received, m, state.agendaPosition(), now());
    if (command instanceof Command.ThemesSuggest g) {
      themeAssist.suggest(m, ref, actor, g);
      return;
    }
    // The text's language is found first (off this loop), so the stored event carries it. Inside the queue
    // on purpose: it keeps at most one detection per workshop in the language pool, which is what bounds
    // that pool's queue; the cost is that a post needing the models holds this workshop's next commands
    // for the hop and well under a millisecond of detection.
    commands.enqueue(() -> languages.labelled(context, command)
        .compose(c -> commands.execute(actor, ref, c, d -> List.of()))
        .map(outcome -> {
          m.answer(ref, outcome);
          return (Void) null;
        }), () -> m.send(ServerFrames.err(ref, Code.RATE_LIMITED, CommandRunner.BUSY)));
  }

  /** The same pipeline for HTTP (joining): completes once the events are applied here. */
  Future<Outcome> submit(Actor actor, String ref, Command command, Function<Decision.Accepted, List<NewToken>> tokens) {
    languages.warm();
    return commands.submit(actor, ref, command, tokens);
  }

  /** Tells other nodes who is online here, and this node's sockets who came and went. */
  void publishPresence() { presence.publish(); }

  // ---------------------------------------------------------------- lifecycle

  /** The workshop was deleted: everyone here is told (4403) and this node forgets it. */
  private void gone() {
    deleted = true;
    presence.stop();
    fanout.dropAll(CloseCode.REMOVED.code(), "this workshop has been deleted");
    onGone.run();
  }

  private void scheduleIdleCheck() {
    if (!fanout.isEmpty()) return;
    idleTimer.set(settings.idleUnloadMs(), () -> {
      if (fanout.isEmpty() && commands.idle()) onIdle.run();
    });
  }

  private static long now() { return System.currentTimeMillis(); }

  /** Every store continuation runs back on this workshop's context. */
  private <T> Future<T> here(Future<T> f) { return Contexts.on(context, f); }

  static final class NoSuchWorkshopException extends RuntimeException {
    NoSuchWorkshopException(String id) { super("no such workshop: " + id, null, false, false); }
  }
}
