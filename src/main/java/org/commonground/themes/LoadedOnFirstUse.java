package org.commonground.themes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.commonground.hub.ThemeHelp;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.SuggestedGroup;
import org.commonground.workshop.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The theme engine, loaded the first time anyone needs it (a facilitator asks for suggestions, or a
 * workshop has themes to place contributions in) instead of at start-up: the model adds about 150 MB to
 * the process, which a node whose workshops never group anything should not carry. Both calls already run
 * on the theme workers, so the first one waiting a second or two for the load blocks no event loop. If the
 * load fails, that call fails and every later one is told why, quickly.
 */
public final class LoadedOnFirstUse implements ThemeHelp {
  private static final Logger LOG = LoggerFactory.getLogger(LoadedOnFirstUse.class);

  private final Callable<ThemeHelp> loader;
  private ThemeHelp loaded;
  private volatile String failed;

  public LoadedOnFirstUse(Callable<ThemeHelp> loader) {
    this.loader = loader;
  }

  @Override
  public List<SuggestedGroup> suggest(List<Contribution> contributions) {
    return engine().suggest(contributions);
  }

  @Override
  public Map<String, List<String>> place(List<Contribution> unthemed, List<Theme> themes,
                                         Map<String, Contribution> all) {
    return engine().place(unthemed, themes, all);
  }

  @Override
  public String unavailableReason() {
    return failed;
  }

  private synchronized ThemeHelp engine() {
    if (loaded != null) return loaded;
    if (failed != null) throw new IllegalStateException(failed);
    try {
      ThemeHelp help = loader.call();
      if (help.unavailableReason() != null) throw new IllegalStateException(help.unavailableReason());
      loaded = help;
      return help;
    } catch (Exception | LinkageError e) {
      LOG.warn("theme suggestions are unavailable: {}", e.toString());
      failed = "theme suggestions are unavailable on this server: " + e.getMessage();
      throw new IllegalStateException(failed, e);
    }
  }
}
