package org.commonground.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.commonground.workshop.Command;
import org.commonground.workshop.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the language of what someone posts or edits, once, before the command is decided: the result
 * rides in the stored event, so every node and every client has the same answer and no replica ever
 * detects anything while applying. Detection blocks (its models load on first use; each call waits on the
 * detector's own tasks), so it runs on a worker pool of its own, where it never waits behind theme
 * suggestions.
 */
public final class LanguageWork {
  private static final Logger LOG = LoggerFactory.getLogger(LanguageWork.class);

  /** Used where no pool is given (tests of the hub alone): nothing is detected, every language is null. */
  public static final LanguageWork NONE = new LanguageWork(null, text -> null, text -> true, () -> { }, () -> false);

  private final WorkerExecutor workers;
  private final Function<String, Lang> detect;
  private final Predicate<String> needsModel;
  private final Runnable warm;
  private final BooleanSupplier ready;
  private volatile boolean warming;

  /** {@code needsModel}: whether {@code detect} must load or ask the models for a text; if not, it answers at once. */
  public LanguageWork(WorkerExecutor workers, Function<String, Lang> detect, Predicate<String> needsModel,
                      Runnable warm, BooleanSupplier ready) {
    this.workers = workers;
    this.detect = detect;
    this.needsModel = needsModel;
    this.warm = warm;
    this.ready = ready;
  }

  /**
   * Starts loading the detector in the background: called at a workshop's first command on this node
   * (joining, starting the agenda, a post), so the models are usually ready by its first post, while a
   * node that only holds connections (restarted into workshops where nothing happens yet) never loads
   * them: they are about 45 MB of heap. A post that comes while they load goes out with its language unknown.
   */
  void warm() {
    if (workers == null || warming) return;
    warming = true;
    workers.executeBlocking(() -> {
      warm.run();
      return null;
    }, false).onFailure(err -> {
      LOG.warn("language detection could not load: {}", err.toString());
      // A later workshop or post tries again; until then posts go out with their language unknown.
      warming = false;
    });
  }

  /**
   * The command with its text's language filled in, completed back on {@code context}; any other command
   * as it is. A detection that fails leaves the language unknown (null): the post itself must not fail. Nor
   * does it wait: while the models are still loading (seconds, on a node's first workshop) the language is
   * left unknown rather than holding the post.
   */
  Future<Command> labelled(Context context, Command command) {
    String text = command instanceof Command.AddContribution a ? a.text()
        : command instanceof Command.EditContribution e ? e.text() : null;
    if (text == null || workers == null) return Future.succeededFuture(command);
    // Most posts (plainly English, or too short to tell) are answered here, without a hop to the pool.
    if (!needsModel.test(text)) return Future.succeededFuture(withLang(command, detect.apply(text)));
    if (!ready.getAsBoolean()) {
      warm();
      return Future.succeededFuture(command);
    }
    Future<Lang> found = workers.executeBlocking(() -> detect.apply(text), false);
    return Contexts.on(context, found.recover(err -> {
      LOG.warn("language detection failed: {}", err.toString());
      return Future.succeededFuture(null);
    })).map(lang -> withLang(command, lang));
  }

  private static Command withLang(Command command, Lang lang) {
    return command instanceof Command.AddContribution a ? a.withLang(lang)
        : ((Command.EditContribution) command).withLang(lang);
  }
}
