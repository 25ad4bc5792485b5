package org.commonground.themes;

import java.util.List;
import java.util.Map;

/**
 * Theme help for a facilitator. Calls block (embedding runs on the caller's thread and a small
 * pool), so the server makes them from a worker thread; implementations are thread-safe.
 */
public interface ThemeSuggester {

  /**
   * Groups notes by meaning. Only groups of two or more notes are returned: a note that fits
   * nowhere is left out (it is its own singleton). No note is in two groups. Groups come largest
   * first (ties: the one whose first note comes first), and the result is the same for the same input.
   */
  List<SuggestedTheme> suggest(List<Note> notes);

  /**
   * For each note (unthemed contributions), up to 3 theme ids that fit it best, best first (fewer
   * only when fewer themes exist). A theme with no members is matched by its label; one with
   * neither is skipped. A note that is already a member of one of the themes, or has no words,
   * gets none. Every given note has an entry.
   */
  Map<String, List<String>> place(List<Note> notes, List<PlacedTheme> themes);
}
