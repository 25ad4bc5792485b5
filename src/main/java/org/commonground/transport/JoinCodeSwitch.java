package org.commonground.transport;

import io.vertx.core.Future;
import java.util.function.Supplier;
import org.commonground.hub.Outcome;
import org.commonground.protocol.Json;
import org.commonground.protocol.ProtocolException;
import org.commonground.store.Ids;
import org.commonground.store.StoredAnswer;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a workshop's join code. The code's key lives outside the workshop's hash slot, so no one script
 * can swap it: the new code is claimed first (SET NX, as at creation), the change is decided and appended
 * like any command, and only then is the old code deleted. A claim whose change was not appended is given
 * up, so no code is left pointing at the workshop that it does not have. The new code expires with the
 * workshop's keys.
 */
final class JoinCodeSwitch {
  private static final Logger LOG = LoggerFactory.getLogger(JoinCodeSwitch.class);
  static final int CODE_ATTEMPTS = 8;

  /** The workshop's command pipeline (the hub): decides and appends, completing once the events are applied. */
  interface Workshops {
    Future<Outcome> execute(String workshopId, Actor actor, String ref, Command command);
  }

  private final WorkshopStore store;
  private final Workshops workshops;
  private final Supplier<String> codes;

  JoinCodeSwitch(WorkshopStore store, Workshops workshops, Supplier<String> codes) {
    this.store = store;
    this.workshops = workshops;
    this.codes = codes;
  }

  /** The new code (stored form), once it is the workshop's and the old one is gone. */
  Future<String> replace(String workshopId, Actor actor) { return replace(workshopId, actor, 1); }

  private Future<String> replace(String workshopId, Actor actor, int attempt) {
    String code = codes.get();
    return store.claimJoinCode(code, workshopId).compose(claimed -> {
      if (claimed) return switchTo(workshopId, actor, code);
      if (attempt < CODE_ATTEMPTS) return replace(workshopId, actor, attempt + 1);
      return Future.failedFuture(new IllegalStateException("no free join code in " + CODE_ATTEMPTS + " draws"));
    });
  }

  private Future<String> switchTo(String workshopId, Actor actor, String code) {
    String ref = "join-code-" + Ids.random(16);
    return workshops.execute(workshopId, actor, ref, new Command.NewJoinCode(code))
        .transform(done -> done.succeeded()
            ? replacedCode(workshopId, actor, ref, code, done.result())
            : giveUp(workshopId, code, done.cause()))
        .compose(old -> store.releaseJoinCode(old, workshopId).recover(err -> {
          // Harmless if it stays: a join with it is refused, as the workshop no longer has that code.
          LOG.warn("old join code of workshop {} not deleted: {}", workshopId, err.toString());
          return Future.succeededFuture();
        }))
        .compose(v -> expireWithWorkshop(workshopId, code))
        .map(v -> code);
  }

  /**
   * The code the appended change replaced; a failure (after giving up the claim) when nothing was appended.
   * "Could not save" is ambiguous (the append may have run and only its answer been lost), so the stored
   * answer to the ref decides: the append writes it in the same step as the event.
   */
  private Future<String> replacedCode(String workshopId, Actor actor, String ref, String code, Outcome outcome) {
    if (outcome instanceof Outcome.Ack a && a.seq() != null) return Future.succeededFuture(replaced(a.resultJson()));
    Outcome.Error e = outcome instanceof Outcome.Error err ? err
        : new Outcome.Error(Code.INTERNAL, "the join code did not change; please try again");
    ProtocolException refused = new ProtocolException(e.code(), e.message());
    if (e.code() != Code.INTERNAL) return giveUp(workshopId, code, refused);
    return store.answerOf(workshopId, actor.participantId(), ref).transform(stored -> {
      // Not known whether it was appended: keep the claim rather than risk taking away the code in use.
      if (stored.failed()) return Future.failedFuture(refused);
      StoredAnswer answer = stored.result().orElse(null);
      if (answer != null && !answer.isError() && answer.seq() != null) {
        return Future.succeededFuture(replaced(answer.resultJson()));
      }
      return giveUp(workshopId, code, refused);
    });
  }

  private Future<String> giveUp(String workshopId, String code, Throwable why) {
    return store.releaseJoinCode(code, workshopId)
        .recover(err -> {
          LOG.warn("claimed join code for workshop {} not released: {}", workshopId, err.toString());
          return Future.succeededFuture();
        })
        .transform(v -> Future.failedFuture(why));
  }

  /**
   * The new code expires when the workshop's keys do: once the end has set their retention, say. Their
   * own expiry is read after the change is appended, so an end decided just before it is seen too; an end
   * appended later sets the expiry of the code it finds, the new one.
   */
  private Future<Void> expireWithWorkshop(String workshopId, String code) {
    return store.secondsToLive(workshopId)
        .compose(seconds -> seconds == 0 ? Future.<Void>succeededFuture() : store.expireJoinCode(code, seconds))
        .recover(err -> {
          LOG.warn("new join code of workshop {} not set to expire with it: {}", workshopId, err.toString());
          return Future.succeededFuture();
        });
  }

  private static String replaced(String resultJson) {
    return Json.parseObject(resultJson).path("replaced").asText();
  }
}
