package org.commonground.hub;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import org.commonground.hub.live.PresenceNews;
import org.commonground.protocol.ServerFrames;
import org.commonground.store.WorkshopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is online in one workshop, as this node keeps it ({@link Presence}) and tells it: to other nodes
 * through the store, and to its own sockets as who came and went ({@link PresenceNews}), a change at a
 * time after a short wait so that a burst of arrivals is one frame. On the workshop's context.
 */
final class LivePresence {
  private static final Logger LOG = LoggerFactory.getLogger(LivePresence.class);

  private final String id;
  private final WorkshopStore store;
  private final Fanout fanout;
  private final long coalesceMs;
  private final Presence presence;
  private final PresenceNews news = new PresenceNews();
  private final OneTimer timer;
  /** The workshop is gone: nothing more is published for it. */
  private boolean stopped;

  LivePresence(String id, String nodeId, Vertx vertx, WorkshopStore store, Fanout fanout, long coalesceMs) {
    this.id = id;
    this.store = store;
    this.fanout = fanout;
    this.coalesceMs = coalesceMs;
    this.presence = new Presence(nodeId);
    this.timer = new OneTimer(vertx);
  }

  /** Other nodes' messages, read when the workshop is loaded here: nobody is told of those people as newcomers. */
  void loaded(List<String> messages, long now) {
    messages.forEach(presence::heard);
    news.known(presence.online(now));
  }

  /** A message from the workshop's channel that is not an event: true when it was another node's presence. */
  boolean heard(String message) {
    if (!presence.heard(message)) return false;
    changed();
    return true;
  }

  int connections(String participantId) { return presence.connections(participantId); }

  Set<String> online(long now) { return presence.online(now); }

  void connected(String participantId) {
    if (presence.connected(participantId)) changed();
  }

  /** Returns true if that was the person's last connection here. */
  boolean disconnected(String participantId) {
    if (!presence.disconnected(participantId)) return false;
    changed();
    return true;
  }

  void stop() {
    stopped = true;
    timer.cancel();
  }

  private void changed() {
    timer.set(news.delay(System.currentTimeMillis(), coalesceMs), this::publish);
  }

  /** Tells other nodes who is online here, and this node's sockets who came and went (one frame a second at most). */
  void publish() {
    if (stopped) return;
    long now = System.currentTimeMillis();
    store.publishPresence(id, presence.nodeId(), presence.message(now))
        .onFailure(err -> LOG.debug("presence not published for {}: {}", id, err.toString()));
    PresenceNews.News n = news.since(presence.online(now), now);
    if (n != null) fanout.sendAll(ServerFrames.presence(n.online(), n.joined(), n.left()));
  }
}
