package org.commonground.hub;

import org.commonground.protocol.CloseCode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.commonground.protocol.ClientFrame.Resume;
import org.commonground.protocol.ServerFrames.You;
import org.commonground.store.NewToken;
import org.commonground.store.Subscriber;
import org.commonground.store.TokenGrant;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Command;
import org.commonground.workshop.Decision;
import org.commonground.workshop.Participant;
import org.commonground.workshop.Role;
import org.commonground.workshop.WorkshopState;

/**
 * This node's live workshops. Each is pinned to one of the hub's contexts (one event loop each) by its
 * id, so one workshop's commands and deliveries run one at a time in order, while different workshops
 * spread over the cores. Sockets may live on any event loop: Vert.x lets any thread write to them.
 */
public final class Hub implements Subscriber.Listener {
  private final List<Context> shards;
  private final WorkshopStore store;
  private final HubMetrics metrics;
  private final HubSettings settings;
  private final String nodeId;
  private final Map<String, LiveWorkshop> live = new ConcurrentHashMap<>();
  private final Map<String, Future<LiveWorkshop>> loading = new ConcurrentHashMap<>();
  private final AtomicInteger liveCount = new AtomicInteger();
  private Subscriber subscriber;
  private final ThemeWork themes;

  private final LanguageWork languages;
  private final SeriesFollowUp series = new SeriesFollowUp(this);

  public Hub(List<Context> shards, WorkshopStore store, HubMetrics metrics, HubSettings settings, String nodeId,
             ThemeWork themes) {
    this(shards, store, metrics, settings, nodeId, themes, LanguageWork.NONE);
  }

  public Hub(List<Context> shards, WorkshopStore store, HubMetrics metrics, HubSettings settings, String nodeId,
             ThemeWork themes, LanguageWork languages) {
    this.languages = languages;
    this.themes = themes;
    this.shards = shards;
    this.store = store;
    this.metrics = metrics;
    this.settings = settings;
    this.nodeId = nodeId;
    metrics.liveWorkshops(this::liveWorkshops);
  }

  /** Set once at start-up, before any workshop is opened; {@code shards} is filled by then too. */
  public void subscriber(Subscriber s) { this.subscriber = s; }

  public int liveWorkshops() { return liveCount.get(); }

  public String nodeId() { return nodeId; }

  /** Every live workshop tells other nodes it is still here, so their presence does not expire it. */
  public void startHeartbeat(Vertx vertx) {
    vertx.setPeriodic(settings.presenceHeartbeatMs(), t -> live.values()
        .forEach(w -> w.context.runOnContext(v -> w.publishPresence())));
  }

  private Context shardOf(String workshopId) {
    return shards.get(Math.floorMod(workshopId.hashCode(), shards.size()));
  }

  /** The live workshop, loading it (subscribe, then read the log) if this node does not hold it yet. */
  Future<LiveWorkshop> open(String workshopId) {
    LiveWorkshop w = live.get(workshopId);
    if (w != null) return w.ready.future().map(v -> w);
    return loading.computeIfAbsent(workshopId, id -> {
      Context ctx = shardOf(id);
      Promise<LiveWorkshop> p = Promise.promise();
      ctx.runOnContext(v -> {
        LiveWorkshop fresh = new LiveWorkshop(id, ctx, store, metrics, settings, nodeId, () -> unload(id),
            () -> forget(id), themes, languages);
        fresh.afterAppend(events -> series.appended(fresh.state(), events));
        live.put(id, fresh);
        liveCount.incrementAndGet();
        Contexts.on(ctx, subscriber.subscribe(id))
            .compose(x -> fresh.load())
            .onSuccess(x -> {
              fresh.ready.tryComplete();
              if (!fresh.state().carried().isEmpty()) series.check(fresh.state());
            })
            .onFailure(err -> {
              live.remove(id);
              liveCount.decrementAndGet();
              subscriber.unsubscribe(id);
              fresh.ready.tryFail(err);
            })
            .map(x -> fresh)
            .onComplete(ar -> loading.remove(id))
            .onComplete(p);
      });
      return p.future();
    });
  }

  private void unload(String workshopId) {
    LiveWorkshop w = live.get(workshopId);
    if (w == null || w.memberCount() > 0) return;
    live.remove(workshopId);
    liveCount.decrementAndGet();
    subscriber.unsubscribe(workshopId);
  }

  /** Drops a workshop that no longer exists, whoever is still attached. */
  private void forget(String workshopId) {
    if (live.remove(workshopId) != null) {
      liveCount.decrementAndGet();
      subscriber.unsubscribe(workshopId);
    }
  }

  @Override
  public void onMessage(String workshopId, String message) {
    LiveWorkshop w = live.get(workshopId);
    // This node's own appends come back here; they are dropped before costing the workshop's loop a task.
    if (w != null && !w.alreadyApplied(message)) w.context.runOnContext(v -> w.heard(message));
  }

  @Override
  public void onResubscribed() {
    // Whatever was published while the subscription was down is read back from the log.
    live.values().forEach(w -> w.context.runOnContext(v -> w.catchUp()));
  }

  /** Welcomes an authenticated socket to its workshop; the returned member is what the transport sends commands through. */
  public Future<Member> attach(ServerWebSocket socket, Context socketContext, WorkshopStore.Admission admission,
                               Resume resume) {
    TokenGrant grant = admission.grant();
    return onWorkshop(grant.workshopId(), socketContext, w -> {
      You you = you(w.state(), grant);
      if (you == null) return Future.failedFuture(new RemovedException());
      Member m = new Member(socket, socketContext, grant, you, metrics);
      return w.attach(m, resume, admission.since()) ? Future.succeededFuture(m)
          : Future.failedFuture(new TooManyConnectionsException());
    });
  }

  private static You you(WorkshopState s, TokenGrant grant) {
    if (grant.role() == Role.DISPLAY) return new You(grant.participantId(), Role.DISPLAY, "Display");
    Participant p = s.participants().get(grant.participantId());
    return p == null ? null : new You(p.id(), p.role(), p.name());
  }

  public void detach(Member m) {
    LiveWorkshop w = live.get(m.grant.workshopId());
    if (w != null) w.context.runOnContext(v -> w.detach(m));
  }

  public void submit(Member m, String ref, Command command) {
    LiveWorkshop w = live.get(m.grant.workshopId());
    if (w != null) w.context.runOnContext(v -> w.submit(m, ref, command));
  }

  /** Runs a command for an HTTP caller; completes when its events are applied on this node. */
  public Future<Outcome> execute(String workshopId, Actor actor, String ref, Command command,
                                 Function<Decision.Accepted, List<NewToken>> tokens) {
    return onWorkshop(workshopId, Vertx.currentContext(), w -> w.submit(actor, ref, command, tokens));
  }

  /**
   * Withdraws the meeting's carried copies of items withdrawn where they came from (see {@link SeriesFollowUp}):
   * for a new meeting once the meeting before lists it, so a withdrawal that raced the carry is not missed.
   */
  public Future<Void> checkCarried(String workshopId) {
    return read(workshopId, s -> s).compose(series::check);
  }

  /** A consistent read of a workshop's state on its own context. */
  public <T> Future<T> read(String workshopId, Function<WorkshopState, T> f) {
    return onWorkshop(workshopId, Vertx.currentContext(), w -> Future.succeededFuture(f.apply(w.state())));
  }

  /**
   * Runs {@code f} on the workshop's context (loading it if need be) and completes back on {@code caller}'s.
   * What {@code f} throws fails the future; the workshop's context goes on.
   */
  private <T> Future<T> onWorkshop(String workshopId, Context caller, Function<LiveWorkshop, Future<T>> f) {
    return Contexts.back(caller, open(workshopId).compose(w -> {
      Promise<T> p = Promise.promise();
      w.context.runOnContext(v -> {
        try {
          f.apply(w).onComplete(p);
        } catch (RuntimeException e) {
          p.fail(e);
        }
      });
      return p.future();
    }));
  }

  /** Closes every socket with 1001 so clients resume on another node. */
  public Future<Void> shutdown() {
    List<Future<Void>> all = new ArrayList<>();
    for (LiveWorkshop w : live.values()) {
      Promise<Void> p = Promise.promise();
      w.context.runOnContext(v -> {
        w.closeAll(CloseCode.GOING_AWAY.code(), "server shutting down; reconnect");
        p.complete();
      });
      all.add(p.future());
    }
    return Future.all(all).mapEmpty();
  }

  public static final class RemovedException extends RuntimeException {
    RemovedException() { super("not in this workshop", null, false, false); }
  }

  /** The person already has as many connections to the workshop on this node as they may. */
  public static final class TooManyConnectionsException extends RuntimeException {
    TooManyConnectionsException() { super("too many connections", null, false, false); }
  }

  public static boolean isNoSuchWorkshop(Throwable t) { return t instanceof LiveWorkshop.NoSuchWorkshopException; }
}
