package org.commonground.resilience;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.commonground.support.Await;

/**
 * A TCP relay between test clients and a server node, standing for the network in between. It can
 * {@link #cut} every connection at once (both ends reset, so neither side gets a WebSocket close
 * frame: a phone that loses its signal, a node whose machine dies) or {@link #silence} them (bytes stop
 * flowing but no connection closes: a network that drops packets). Everything runs on one context.
 */
final class FaultyLink implements AutoCloseable {
  private record Pair(NetSocket client, NetSocket server) {}

  private final Context context;
  private final NetServer server;
  private final NetClient upstream;
  private final int port;
  private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
  private volatile boolean silent;

  private FaultyLink(Context context, NetServer server, NetClient upstream, int port) {
    this.context = context;
    this.server = server;
    this.upstream = upstream;
    this.port = port;
  }

  /** A relay on a free loopback port to {@code targetPort}. */
  static FaultyLink to(Vertx vertx, int targetPort) {
    Context ctx = vertx.getOrCreateContext();
    Promise<FaultyLink> p = Promise.promise();
    ctx.runOnContext(v -> {
      // SO_LINGER 0: a close is a reset, with nothing flushed: the connection just dies.
      NetClient upstream = vertx.createNetClient(new NetClientOptions().setSoLinger(0).setTcpNoDelay(true));
      NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0).setSoLinger(0)
          .setTcpNoDelay(true));
      FaultyLink[] link = new FaultyLink[1];
      server.connectHandler(in -> link[0].accept(in, targetPort));
      server.listen().onSuccess(s -> {
        link[0] = new FaultyLink(ctx, s, upstream, s.actualPort());
        p.complete(link[0]);
      }).onFailure(p::fail);
    });
    return Await.of(p.future());
  }

  int port() { return port; }

  /** Connections currently relayed. */
  int open() { return pairs.size(); }

  private void accept(NetSocket in, int targetPort) {
    in.pause();
    upstream.connect(targetPort, "127.0.0.1").onSuccess(out -> {
      Pair pair = new Pair(in, out);
      pairs.add(pair);
      in.handler(b -> {
        if (!silent) out.write(b);
      });
      out.handler(b -> {
        if (!silent) in.write(b);
      });
      in.closeHandler(v -> {
        pairs.remove(pair);
        out.close();
      });
      out.closeHandler(v -> {
        pairs.remove(pair);
        in.close();
      });
      in.resume();
    }).onFailure(err -> in.close());
  }

  /** Resets every relayed connection at once, on both sides; new connections are still relayed. */
  void cut() {
    Promise<Void> p = Promise.promise();
    context.runOnContext(v -> {
      List<Future<Void>> closing = new ArrayList<>();
      for (Pair pair : new ArrayList<>(pairs)) {
        pairs.remove(pair);
        closing.add(pair.client().close());
        closing.add(pair.server().close());
      }
      Future.join(closing).onComplete(x -> p.complete());
    });
    Await.of(p.future());
  }

  /** From now on no byte passes either way, and no connection is closed by the relay. */
  void silence() { silent = true; }

  /** Bytes pass again (what was sent while silent is lost, as a dropped packet is). */
  void speak() { silent = false; }

  @Override
  public void close() {
    cut();
    Await.of(server.close().compose(v -> upstream.close()).recover(e -> Future.succeededFuture()));
  }
}
