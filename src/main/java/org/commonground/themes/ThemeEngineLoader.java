package org.commonground.themes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.hub.ThemeHelp;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.SuggestedGroup;
import org.commonground.workshop.Theme;

/**
 * Loads the theme engine and fits it to what the hub asks of it. Blocking (the model takes about a
 * second to load): the server calls it on a worker after start-up.
 */
public final class ThemeEngineLoader {
  private ThemeEngineLoader() {}

  /** @throws ThemeModelUnavailableException when the model cannot load; the server then says so to whoever asks */
  public static ThemeHelp load() {
    return new Adapter(ThemeEngines.load());
  }

  private record Adapter(ThemeSuggester engine) implements ThemeHelp {
    @Override
    public List<SuggestedGroup> suggest(List<Contribution> contributions) {
      List<SuggestedGroup> out = new ArrayList<>();
      for (SuggestedTheme t : engine.suggest(notes(contributions))) {
        out.add(new SuggestedGroup(t.label(), t.contributionIds()));
      }
      return out;
    }

    @Override
    public Map<String, List<String>> place(List<Contribution> unthemed, List<Theme> themes,
                                           Map<String, Contribution> all) {
      List<PlacedTheme> placed = new ArrayList<>();
      for (Theme t : themes) {
        List<Contribution> members = new ArrayList<>();
        for (String id : t.contributionIds()) {
          Contribution c = all.get(id);
          if (c != null && !c.hidden()) members.add(c);
        }
        placed.add(new PlacedTheme(t.id(), t.label(), notes(members)));
      }
      return engine.place(notes(unthemed), placed);
    }

    @Override
    public String unavailableReason() { return null; }

    private static List<Note> notes(List<Contribution> contributions) {
      List<Note> notes = new ArrayList<>(contributions.size());
      for (Contribution c : contributions) notes.add(new Note(c.id(), c.text(), c.lang()));
      return notes;
    }
  }
}
