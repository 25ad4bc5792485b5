package org.commonground.hub;

import io.vertx.core.Future;
import java.util.List;
import org.commonground.protocol.JoinCodes;
import org.commonground.protocol.SequencedEvent;
import org.commonground.protocol.WorkshopSpecs;
import org.commonground.store.Ids;
import org.commonground.store.NewToken;
import org.commonground.store.TokenGrant;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Command;
import org.commonground.workshop.Decision;
import org.commonground.workshop.Role;
import org.commonground.workshop.Workshop;
import org.commonground.workshop.WorkshopState;

/**
 * Creates a workshop from a checked spec: draws a free join code, has {@link Workshop#decide} make its
 * first event, and stores it with a facilitator and a display token. The one way to create a workshop,
 * for every route that does.
 */
public final class Creation {
  private static final int CODE_ATTEMPTS = 8;
  /** The creating facilitator: the first participant of every workshop. */
  private static final Actor CREATOR = new Actor(Workshop.CREATOR_ID, Role.FACILITATOR);

  public record Created(String workshopId, String joinCode, NewToken facilitator, NewToken display) {}

  /**
   * Fresh links to a workshop that exists already (the answer to a retried request that created it): new
   * facilitator and display tokens for its creator and display, since only the old tokens' hashes are stored.
   */
  public Future<Created> relink(String id, String joinCode) {
    NewToken facilitator = NewToken.mint(id, CREATOR.participantId(), Role.FACILITATOR);
    NewToken display = NewToken.mint(id, TokenGrant.DISPLAY_ID, Role.DISPLAY);
    return store.addToken(id, facilitator).compose(ok -> ok ? store.addToken(id, display) : Future.succeededFuture(false))
        .compose(ok -> ok ? Future.succeededFuture(new Created(id, joinCode, facilitator, display))
            : Future.failedFuture(new IllegalStateException("workshop " + id + " is gone")));
  }

  private final WorkshopStore store;

  public Creation(WorkshopStore store) { this.store = store; }

  public Future<Created> create(WorkshopSpecs.Spec spec) { return create(Ids.workshopId(), spec); }

  /** With an id chosen by the caller (the next meeting of a series: the same id for a retried request). */
  public Future<Created> create(String id, WorkshopSpecs.Spec spec) {
    NewToken facilitator = NewToken.mint(id, CREATOR.participantId(), Role.FACILITATOR);
    NewToken display = NewToken.mint(id, TokenGrant.DISPLAY_ID, Role.DISPLAY);
    return withFreeCode(id, spec, List.of(facilitator, display), 1)
        .map(code -> new Created(id, code, facilitator, display));
  }

  private Future<String> withFreeCode(String id, WorkshopSpecs.Spec spec, List<NewToken> tokens, int attempt) {
    String code = JoinCodes.generate();
    long now = System.currentTimeMillis();
    Command.Create create = new Command.Create(id, spec.title(), code, spec.settings(), spec.phases(),
        spec.facilitatorName());
    Decision decision = Workshop.decide(WorkshopState.empty(id), create, CREATOR, now);
    if (!(decision instanceof Decision.Accepted accepted)) {
      return Future.failedFuture(new IllegalArgumentException(((Decision.Rejected) decision).rejection().message()));
    }
    String body = SequencedEvent.bodyWithoutSeq(now, accepted.events().get(0));
    return store.create(id, code, Ids.random(16), body, tokens).map(v -> code).recover(err ->
        err instanceof WorkshopStore.CodeTakenException && attempt < CODE_ATTEMPTS
            ? withFreeCode(id, spec, tokens, attempt + 1)
            : Future.failedFuture(err));
  }
}
