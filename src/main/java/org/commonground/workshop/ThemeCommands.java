package org.commonground.workshop;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Themes: made by hand, suggested by the server, placed.
 *
 * <p>The commands of one area, as members of {@link Command}: read and written as {@code Command.X}
 * (this interface only holds them, so that no file grows too long). Value rules in the compact constructors.
 */
interface ThemeCommands {
  record ThemeCreate(String label, List<String> contributionIds) implements Command {
    public ThemeCreate {
      label = Checks.text("label", label, 120);
      contributionIds = contributionIds == null ? List.of() : List.copyOf(contributionIds);
    }
    public String commandName() { return "theme.create"; }
  }

  record ThemeRename(String id, String label) implements Command {
    public ThemeRename {
      Checks.required("id", id);
      label = Checks.text("label", label, 120);
    }
    public String commandName() { return "theme.rename"; }
  }

  record ThemeDelete(String id) implements Command {
    public ThemeDelete {
      Checks.required("id", id);
    }
    public String commandName() { return "theme.delete"; }
  }

  record ThemeMerge(List<String> ids, String label) implements Command {
    public ThemeMerge {
      Checks.required("ids", ids);
      ids = List.copyOf(new LinkedHashSet<>(ids));
      if (ids.size() < 2) throw new IllegalArgumentException("merge needs at least two themes");
      label = Checks.text("label", label, 120);
    }
    public String commandName() { return "theme.merge"; }
  }

  /** {@code themeId} null: take it out of any theme. */
  record ContributionMove(String id, String themeId) implements Command {
    public ContributionMove {
      Checks.required("id", id);
    }
    public String commandName() { return "contribution.move"; }
  }

  /** Asks for suggestions; the server computes them off the event loop, then records them. */
  record ThemesSuggest(Integer phase) implements Command {
    public String commandName() { return "themes.suggest"; }
  }

  /**
   * Server-side (no client frame decodes to it): the suggestions computed for a facilitator's
   * {@code themes.suggest}, recorded under that facilitator's ref.
   */
  record RecordSuggestions(List<SuggestedGroup> suggestions) implements Command {
    public RecordSuggestions {
      suggestions = List.copyOf(suggestions);
    }
    public String commandName() { return "themes.suggest"; }
  }

  /**
   * The suggestions to accept, by {@code ids} (stable while they are on the list), or by {@code indexes}
   * (positions, for older clients); both null: every suggestion.
   */
  record ThemesAccept(List<Integer> indexes, List<String> ids) implements Command {
    public ThemesAccept {
      if (indexes != null && ids != null) throw new IllegalArgumentException("send ids or indexes, not both");
      if (indexes != null) indexes = List.copyOf(indexes);
      if (ids != null) ids = List.copyOf(new LinkedHashSet<>(ids));
    }

    /** By position, as older clients send. */
    public ThemesAccept(List<Integer> indexes) { this(indexes, null); }

    public String commandName() { return "themes.accept"; }
  }

  /** Server-side: fresh placement help for unthemed contributions. */
  record RecordPlacement(Map<String, List<String>> fits) implements Command {
    public RecordPlacement {
      fits = Map.copyOf(fits);
    }
    public String commandName() { return "placement.update"; }
  }
}
