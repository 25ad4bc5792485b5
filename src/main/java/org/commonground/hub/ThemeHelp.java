package org.commonground.hub;

import java.util.List;
import java.util.Map;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.SuggestedGroup;
import org.commonground.workshop.Theme;

/**
 * What the hub needs from the theme engine. Both calls block (embeddings, clustering): the hub runs
 * them on a worker thread, never on an event loop.
 */
public interface ThemeHelp {

  /** Groups contributions by meaning into suggested themes. */
  List<SuggestedGroup> suggest(List<Contribution> contributions);

  /** For each unthemed contribution, up to three ids of the themes that fit it best, best first. */
  Map<String, List<String>> place(List<Contribution> unthemed, List<Theme> themes, Map<String, Contribution> all);

  /** Why suggestions cannot be made right now, or null when they can (the model is loaded). */
  String unavailableReason();

  /** A stand-in for when no engine is loaded (yet, or at all). */
  static ThemeHelp unavailable(String reason) {
    return new ThemeHelp() {
      @Override
      public List<SuggestedGroup> suggest(List<Contribution> contributions) {
        throw new IllegalStateException(reason);
      }

      @Override
      public Map<String, List<String>> place(List<Contribution> unthemed, List<Theme> themes,
                                             Map<String, Contribution> all) {
        return Map.of();
      }

      @Override
      public String unavailableReason() { return reason; }
    };
  }
}
