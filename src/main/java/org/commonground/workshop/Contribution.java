package org.commonground.workshop;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A posted contribution as the server knows it. {@code author} is the real author's participant id
 * even when {@code anonymous}: the server needs it for ownership and {@code mine}; the protocol
 * layer never lets it reach a client. {@code scribedFor} names the person a facilitator typed it for.
 * {@code reactedBy} maps a reaction to who gave it, so a toggle is exact; clients only see counts.
 * {@code votes} is the total of votes cast on it (who cast them is kept apart, in the state's tallies).
 * {@code parking} and {@code owner} are set for parking-lot items only. {@code lang} is the language its
 * words were found to be in when posted or edited (null: too short to tell, or unsure); the server decides it
 * once, before the event is stored, so every node and every client has the same answer.
 */
public record Contribution(
    String id,
    int phase,
    Kind kind,
    String text,
    String author,
    String group,
    boolean anonymous,
    String scribedFor,
    String themeId,
    long createdAt,
    Long editedAt,
    boolean hidden,
    Map<String, Set<String>> reactedBy,
    int votes,
    ParkingStatus parking,
    String owner,
    Lang lang) {

  public static final int MAX_TEXT = 1000;
  public static final Set<String> REACTIONS = Set.of("agree", "heart", "insight", "question");

  public Contribution {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    text = Checks.text("text", text, MAX_TEXT);
    Objects.requireNonNull(author, "author");
    reactedBy = reactedBy == null ? Map.of() : Map.copyOf(reactedBy);
    if (kind == Kind.PARKING && parking == null) parking = ParkingStatus.OPEN;
    if (kind != Kind.PARKING) {
      parking = null;
      owner = null;
    }
  }

  /** A new contribution: no reactions, no votes, open if it is a parking-lot item. */
  public static Contribution posted(String id, int phase, Kind kind, String text, String author, String group,
                                    boolean anonymous, String scribedFor, long createdAt) {
    return new Contribution(id, phase, kind, text, author, group, anonymous, scribedFor, null, createdAt, null, false,
        Map.of(), 0, null, null, null);
  }

  /** A contribution as it was before contributions had a language: none known. */
  public Contribution(String id, int phase, Kind kind, String text, String author, String group, boolean anonymous,
                      String scribedFor, String themeId, long createdAt, Long editedAt, boolean hidden,
                      Map<String, Set<String>> reactedBy, int votes, ParkingStatus parking, String owner) {
    this(id, phase, kind, text, author, group, anonymous, scribedFor, themeId, createdAt, editedAt, hidden, reactedBy,
        votes, parking, owner, null);
  }

  /** The same contribution, its words said to be in {@code l} (null: not known). */
  public Contribution withLang(Lang l) {
    return new Contribution(id, phase, kind, text, author, group, anonymous, scribedFor, themeId, createdAt,
        editedAt, hidden, reactedBy, votes, parking, owner, l);
  }

  /** Reaction counts in a stable order, every reaction present. */
  public Map<String, Integer> reactionCounts() { return countsOf(reactedBy); }

  public static Map<String, Integer> countsOf(Map<String, Set<String>> reactedBy) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String r : REACTIONS) counts.put(r, reactedBy.getOrDefault(r, Set.of()).size());
    return counts;
  }

  public Contribution withText(String newText, long at) {
    return new Contribution(id, phase, kind, newText, author, group, anonymous, scribedFor, themeId, createdAt,
        at, hidden, reactedBy, votes, parking, owner, lang);
  }

  /** The same contribution with these words and nothing else changed (restoring a hidden one's words). */
  public Contribution withWords(String words) {
    return new Contribution(id, phase, kind, words, author, group, anonymous, scribedFor, themeId, createdAt,
        editedAt, hidden, reactedBy, votes, parking, owner, lang);
  }

  public Contribution withHidden(boolean h) {
    return new Contribution(id, phase, kind, text, author, group, anonymous, scribedFor, themeId, createdAt,
        editedAt, h, reactedBy, votes, parking, owner, lang);
  }

  public Contribution withReactions(Map<String, Set<String>> r) {
    return new Contribution(id, phase, kind, text, author, group, anonymous, scribedFor, themeId, createdAt,
        editedAt, hidden, r, votes, parking, owner, lang);
  }

  public Contribution withTheme(String t) {
    return new Contribution(id, phase, kind, text, author, group, anonymous, scribedFor, t, createdAt,
        editedAt, hidden, reactedBy, votes, parking, owner, lang);
  }

  public Contribution withVotes(int v) {
    return new Contribution(id, phase, kind, text, author, group, anonymous, scribedFor, themeId, createdAt,
        editedAt, hidden, reactedBy, v, parking, owner, lang);
  }

  /**
   * The same post as a parking-lot item: open, with no owner, out of any theme and with no votes (they go
   * back to their voters); its author, anonymity, words and reactions are kept.
   */
  public Contribution parked() {
    return new Contribution(id, phase, Kind.PARKING, text, author, group, anonymous, scribedFor, null, createdAt,
        editedAt, hidden, reactedBy, 0, ParkingStatus.OPEN, null);
  }

  public Contribution withParking(ParkingStatus status, String newOwner) {
    return new Contribution(id, phase, kind, text, author, group, anonymous, scribedFor, themeId, createdAt,
        editedAt, hidden, reactedBy, votes, status, newOwner, lang);
  }
}
