package org.commonground.hub;

import org.commonground.protocol.CloseCode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.commonground.hub.live.AppendRound;
import org.commonground.hub.live.Cursor;
import org.commonground.hub.live.ReplicaLog;
import org.commonground.hub.live.SharedRead;
import org.commonground.protocol.EventFrames;
import org.commonground.protocol.SequencedEvent;
import org.commonground.protocol.ServerFrames;
import org.commonground.protocol.ClientFrame.Resume;
import org.commonground.store.NewToken;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Decision;
import org.commonground.store.Ids;
import org.commonground.workshop.Event;
import org.commonground.workshop.Workshop;
import org.commonground.workshop.WorkshopState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's replica of one workshop and its local connections: the driver of the pure live core. It
 * makes the store calls (commands through {@link CommandRunner}) and sets the timers; the rules are in
 * {@link ReplicaLog} (order, gaps, own echoes), {@link AppendRound} (the optimistic decide-append loop),
 * {@link SharedRead} (one catch-up read at a time) and {@link Cursor} (each member's place in the log,
 * its pending acks, resume paging).
 * Everything here runs on the workshop's own context (one event loop), so no field needs a lock.
 */
final class LiveWorkshop {
  private static final Logger LOG = LoggerFactory.getLogger(LiveWorkshop.class);
  private static final int RANGE_BATCH = 1_000;
  private static final long CATCH_UP_RETRY_MS = 1_000;
  /** Frames sent to a catching-up connection before waiting for its socket to drain. */
  private static final int SYNC_CHUNK = 256;

  final String id;
  final Context context;
  private final WorkshopStore store;
  private final HubMetrics metrics;
  private final HubSettings settings;
  private final Runnable onIdle;
  private final Runnable onGone;
  private final ThemeAssist themeAssist;
  private final CrossingPresses presses = new CrossingPresses();

  private WorkshopState state;
  private final ReplicaLog log;
  private String epoch;
  private final FrameRing ring;
  private final Set<Member> members = new LinkedHashSet<>();
  /**
   * Each person's command rate over all their connections here, so more sockets do not mean more commands.
   * Bounded by the people connected: an entry goes when their last connection does.
   */
  private final Map<String, TokenBucket> rates = new HashMap<>();
  /** Runs the commands, one at a time, through the decide-append loop. */
  private final CommandRunner commands;
  private final SharedRead catchUps = new SharedRead(() -> readFrom(seq() + 1));
  private final Presence presence;
  private Set<String> announced = new HashSet<>();
  private long presenceTimer = -1;
  private long lastPresenceFrame;
  private long idleTimer = -1;
  private long catchUpTimer = -1;
  private boolean deleted;
  final Promise<Void> ready = Promise.promise();

  /** Finds the language of posted text before it is decided (see {@link LanguageWork}). */
  private final LanguageWork languages;

  LiveWorkshop(String id, Context context, WorkshopStore store, HubMetrics metrics, HubSettings settings,
               String nodeId, Runnable onIdle, Runnable onGone, ThemeWork themes, LanguageWork languages) {
    this.languages = languages;
    this.onGone = onGone;
    this.themeAssist = new ThemeAssist(id, context, themes, settings.placementDebounceMs(), new ThemeAssist.Host() {
      @Override
      public WorkshopState state() { return state; }

      @Override
      public void submit(Member m, String ref, Command command) { LiveWorkshop.this.submit(m, ref, command); }

      @Override
      public void submitAsServer(Command command) {
        commands.enqueue(() -> commands.execute(Actor.SERVER, "server-" + Ids.random(12), command, d -> List.of()).mapEmpty(),
            () -> { });
      }
    });
    this.id = id;
    this.context = context;
    this.store = store;
    this.metrics = metrics;
    this.settings = settings;
    this.onIdle = onIdle;
    this.state = WorkshopState.empty(id);
    this.ring = new FrameRing(settings.resumeFrames());
    this.log = new ReplicaLog(settings.maxEarlyEvents());
    this.commands = new CommandRunner(id, context, store, metrics, settings, log, new CommandRunner.Host() {
      @Override
      public WorkshopState state() { return state; }

      @Override
      public void offer(SequencedEvent e) { LiveWorkshop.this.offer(e); }

      @Override
      public Future<Void> catchUp() { return LiveWorkshop.this.catchUp(); }

      @Override
      public void gone() { LiveWorkshop.this.gone(); }

      @Override
      public void appended(List<Event> events) { themeAssist.appended(events); }
    });
    this.presence = new Presence(nodeId);
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
      list.forEach(presence::heard);
      announced = presence.online(now());
      scheduleIdleCheck();
      return (Void) null;
    });
  }

  WorkshopState state() { return state; }

  long seq() { return log.seq(); }

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
    } else if (presence.heard(message)) {
      presenceChanged();
    }
  }

  private void offer(SequencedEvent e) {
    if (log.offer(e, this::applyAndDeliver)) catchUp();
  }

  private void applyAndDeliver(SequencedEvent e) {
    int phaseBefore = state.exists() ? state.agendaPosition() : -1;
    // Frames held for resuming carry the words this event takes back: resumes from before it read the log,
    // where those words are gone.
    if (HiddenTexts.takesWordsBack(state, e.event())) ring.clear();
    state = Workshop.apply(state, e.event());
    Buffer frame = EventFrames.encode(e);
    ring.add(e.seq(), frame);
    deliver(e.seq(), frame);
    metrics.deliveredAfter(e.ts(), now());
    presses.applied(e, phaseBefore, state.agendaPosition());
    if (e.event() instanceof Event.ParticipantRemoved r) {
      // Their connections go, after this event; their token no longer opens anything (they are not in the state).
      for (Member m : new ArrayList<>(members)) {
        if (m.you.participantId().equals(r.id())) m.close(CloseCode.REMOVED.code(), "removed from the workshop");
      }
    }
  }

  /**
   * One task per event loop that has members, writing the same encoded frame to each of its sockets;
   * acks that were waiting for this event follow in their own tasks, so always after it.
   */
  private void deliver(long seq, Buffer frame) {
    Map<Object, List<Member>> byLoop = new IdentityHashMap<>(8);
    List<Member> withAcks = null;
    for (Member m : members) {
      if (!m.accept(seq)) continue;
      byLoop.computeIfAbsent(m.loopKey(), c -> new ArrayList<>()).add(m);
      if (m.cursor.hasPendingAcks()) {
        if (withAcks == null) withAcks = new ArrayList<>();
        withAcks.add(m);
      }
    }
    byLoop.forEach((loop, batch) -> batch.get(0).socketContext.runOnContext(v -> {
      String text = TextFrames.text(frame);
      for (Member m : batch) m.writeLive(text);
    }));
    if (withAcks != null) withAcks.forEach(Member::flushAcks);
  }

  /**
   * Reads everything after our seq from the log; concurrent callers share one read. A read that fails
   * (Redis away) is tried again every second while anyone is connected here, so a replica never stays
   * behind once Redis is back (events past a gap, and acks held for events not applied yet, wait on it).
   */
  Future<Void> catchUp() {
    Future<Void> reading = catchUps.start();
    reading.onFailure(err -> retryCatchUp());
    return reading;
  }

  private void retryCatchUp() {
    if (catchUpTimer >= 0 || deleted || members.isEmpty()) return;
    catchUpTimer = context.owner().setTimer(CATCH_UP_RETRY_MS, t -> {
      catchUpTimer = -1;
      catchUp();
    });
  }


  private Future<Void> readFrom(long from) {
    return here(store.range(id, from, Long.MAX_VALUE - 1, RANGE_BATCH)).compose(records -> {
      for (String r : records) offer(SequencedEvent.parse(r));
      return records.size() == RANGE_BATCH ? readFrom(seq() + 1) : Future.<Void>succeededFuture();
    });
  }

  // ---------------------------------------------------------------- connections

  /**
   * Welcomes a connection: a resume when its epoch matches and its seq is one we have, and no earlier than
   * the token's first welcome ({@code since}: nobody replays what happened before they came); else the
   * full state.
   */
  boolean attach(Member m, Resume resume, long since) {
    String person = m.you.participantId();
    if (presence.connections(person) >= settings.connectionsPerPerson()) return false;
    cancelIdleCheck();
    long seq = seq();
    long resumeFrom = resume == null ? -1 : Cursor.resumeFrom(resume.epoch(), resume.seq(), epoch, seq, since);
    boolean resumed = resumeFrom >= 0;
    long from = resumed ? resumeFrom : seq;
    if (presence.connected(m.you.participantId())) presenceChanged();
    members.add(m);
    m.cursor.welcomedAt(from);
    m.send(ServerFrames.welcome(m.you, now(), epoch, from, resumed, state, presence.online(now())));
    if (from < seq) sync(m);
    return true;
  }

  void detach(Member m) {
    if (!members.remove(m)) return;
    if (presence.disconnected(m.you.participantId())) {
      rates.remove(m.you.participantId());
      presenceChanged();
    }
    scheduleIdleCheck();
  }

  /**
   * Sends a member everything between its cursor and our seq, from memory or else from the log, one
   * chunk at a time, each after the socket has taken the last.
   */
  private void sync(Member m) {
    if (!members.contains(m)) return;
    long seq = seq();
    List<Buffer> chunk = m.cursor.page(seq, ring::get, SYNC_CHUNK);
    if (!chunk.isEmpty()) {
      m.writeChunk(chunk, () -> context.runOnContext(v -> sync(m)));
      return;
    }
    if (m.cursor.behind(seq)) {
      here(store.range(id, m.cursor.position() + 1, seq, SYNC_CHUNK)).onComplete(ar -> {
        if (!members.contains(m)) return;
        if (ar.failed() || ar.result().isEmpty()) {
          m.close(CloseCode.SERVER_ERROR.code(), "could not read history; reconnect");
          return;
        }
        List<Buffer> fromLog = new ArrayList<>();
        for (String r : ar.result()) {
          SequencedEvent e = SequencedEvent.parse(r);
          if (m.cursor.fromLog(e.seq())) fromLog.add(EventFrames.encode(e));
        }
        m.writeChunk(fromLog, () -> context.runOnContext(v -> sync(m)));
      });
      return;
    }
    m.cursor.caughtUp(m::send);
  }

  void closeAll(short code, String reason) {
    for (Member m : new ArrayList<>(members)) m.close(code, reason);
  }

  int memberCount() { return members.size(); }

  // ---------------------------------------------------------------- commands

  /**
   * Runs a command after those before it, and tells its sender through the member (ev before ack).
   * The queue is bounded; a command that finds it full is refused, never held.
   */
  void submit(Member m, String ref, Command received) {
    languages.warm();
    TokenBucket rate = rates.computeIfAbsent(m.you.participantId(),
        p -> new TokenBucket(settings.commandsPerSecond(), settings.commandBurst(), System.nanoTime()));
    if (!rate.tryTake(System.nanoTime())) {
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
        .compose(c -> commands.execute(actor, ref, c, d -> List.of())).map(outcome -> {
      if (outcome instanceof Outcome.Ack a) {
        m.ack(a.seq(), ServerFrames.ack(ref, a.seq(), a.resultJson()));
      } else if (outcome instanceof Outcome.Error e) {
        m.send(ServerFrames.err(ref, e.code(), e.message()));
      }
      return null;
    }), () -> m.send(ServerFrames.err(ref, Code.RATE_LIMITED, CommandRunner.BUSY)));
  }

  /** The same pipeline for HTTP (joining): completes once the events are applied here. */
  Future<Outcome> submit(Actor actor, String ref, Command command, Function<Decision.Accepted, List<NewToken>> tokens) {
    languages.warm();
    return commands.submit(actor, ref, command, tokens);
  }

  // ---------------------------------------------------------------- presence

  private void presenceChanged() {
    if (presenceTimer >= 0) return;
    long wait = Math.max(settings.presenceCoalesceMs(), 1_000 - (now() - lastPresenceFrame));
    presenceTimer = context.owner().setTimer(wait, t -> {
      presenceTimer = -1;
      publishPresence();
    });
  }

  /** Tells other nodes who is online here, and this node's sockets who came and went (one frame a second at most). */
  void publishPresence() {
    if (deleted) return;
    long now = now();
    store.publishPresence(id, presence.nodeId(), presence.message(now))
        .onFailure(err -> LOG.debug("presence not published for {}: {}", id, err.toString()));
    Set<String> online = presence.online(now);
    List<String> joined = new ArrayList<>();
    for (String p : online) if (!announced.contains(p)) joined.add(p);
    List<String> left = new ArrayList<>();
    for (String p : announced) if (!online.contains(p)) left.add(p);
    announced = online;
    if (joined.isEmpty() && left.isEmpty()) return;
    lastPresenceFrame = now;
    Buffer frame = ServerFrames.presence(online.size(), joined, left);
    for (Member m : members) m.send(frame);
  }

  // ---------------------------------------------------------------- lifecycle

  /** The workshop was deleted: everyone here is told (4403) and this node forgets it. */
  private void gone() {
    deleted = true;
    closeAll(CloseCode.REMOVED.code(), "this workshop has been deleted");
    members.clear();
    onGone.run();
  }

  private void scheduleIdleCheck() {
    if (!members.isEmpty() || idleTimer >= 0) return;
    idleTimer = context.owner().setTimer(settings.idleUnloadMs(), t -> {
      idleTimer = -1;
      if (members.isEmpty() && commands.idle()) onIdle.run();
    });
  }

  private void cancelIdleCheck() {
    if (idleTimer >= 0) context.owner().cancelTimer(idleTimer);
    idleTimer = -1;
  }

  private static long now() { return System.currentTimeMillis(); }

  /** Every store continuation runs back on this workshop's context. */
  private <T> Future<T> here(Future<T> f) { return Contexts.on(context, f); }

  static final class NoSuchWorkshopException extends RuntimeException {
    NoSuchWorkshopException(String id) { super("no such workshop: " + id, null, false, false); }
  }
}
