package org.commonground.workshop;

import static org.commonground.workshop.Allow.CONTRIBUTE;
import static org.commonground.workshop.Allow.GROUP;
import static org.commonground.workshop.Allow.HAND;
import static org.commonground.workshop.Allow.POLL;
import static org.commonground.workshop.Allow.REACT;
import static org.commonground.workshop.Allow.VOTE;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The built-in agendas docs/protocol.md names, in plain words: part names a participant understands and a
 * prompt per part saying what to write, for a reading age of 9 to 11 (carers and experts by experience
 * read them on a phone, mid-workshop). The Welsh is written as a Welsh speaker would say it, not
 * translated word for word. The template names stay as they are: clients and scripts use them.
 */
public final class Templates {
  private Templates() {}

  public static final String DEFAULT = "icic-3-phase";

  /** The agenda in English. */
  public static Optional<List<PhaseDef>> named(String name) { return named(name, Lang.EN); }

  public static Optional<List<PhaseDef>> named(String name, Lang lang) {
    return switch (name) {
      case "icic-3-phase" -> Optional.of(List.of(
          new PhaseDef(0, lang.pick("Getting started", "Dechrau arni"), 10, lang.pick(
              "What matters most to you about today's subject? Write one idea at a time.",
              "Beth sydd bwysicaf i chi am bwnc heddiw? Ysgrifennwch un syniad ar y tro."),
              EnumSet.of(CONTRIBUTE, REACT, HAND, POLL)),
          new PhaseDef(1, lang.pick("Sharing ideas", "Rhannu syniadau"), 30, lang.pick(
              "What works well now? What could be better? Write one idea at a time. "
                  + "Read other people's ideas too, and put ideas that are alike together.",
              "Beth sy'n gweithio'n dda nawr? Beth allai fod yn well? Ysgrifennwch un syniad ar y tro. "
                  + "Darllenwch syniadau pobl eraill hefyd, a rhowch syniadau tebyg gyda'i gilydd."),
              EnumSet.of(CONTRIBUTE, REACT, HAND, POLL, GROUP)),
          new PhaseDef(2, lang.pick("Choosing what matters most", "Dewis beth sydd bwysicaf"), 20, lang.pick(
              "Look at the groups of ideas. Vote for the ones that matter most to you. "
                  + "What is the one thing to remember from today?",
              "Edrychwch ar y grwpiau o syniadau. Pleidleisiwch dros y rhai sydd bwysicaf i chi. "
                  + "Beth yw'r un peth i'w gofio o heddiw?"),
              EnumSet.of(CONTRIBUTE, REACT, HAND, POLL, GROUP, VOTE))));
      case "reflective-practice" -> Optional.of(List.of(
          new PhaseDef(0, lang.pick("Saying hello", "Dweud helo"), 10, lang.pick(
              "How are you feeling today? Write a few words, or just say hello.",
              "Sut ydych chi'n teimlo heddiw? Ysgrifennwch ychydig o eiriau, neu dywedwch helo."),
              Allow.defaults()),
          new PhaseDef(1, lang.pick("Sharing a hard situation", "Rhannu sefyllfa anodd"), 15, lang.pick(
              "Think of a time when it was hard to do the right thing. What happened? What made it hard?",
              "Meddyliwch am adeg pan oedd hi'n anodd gwneud y peth iawn. Beth ddigwyddodd? "
                  + "Beth oedd yn ei wneud yn anodd?"),
              Allow.defaults()),
          new PhaseDef(2, lang.pick("Thinking it through together", "Meddwl amdano gyda'n gilydd"), 30, lang.pick(
              "What questions would you ask? What might help? Write one idea at a time.",
              "Pa gwestiynau fyddech chi'n eu gofyn? Beth allai helpu? Ysgrifennwch un syniad ar y tro."),
              Allow.defaults()),
          new PhaseDef(3, lang.pick("What we learned, and goodbye", "Beth ddysgon ni, a hwyl fawr"), 15, lang.pick(
              "What did you learn today? What will you do differently? Write one thing to remember.",
              "Beth ddysgoch chi heddiw? Beth fyddwch chi'n ei wneud yn wahanol? Ysgrifennwch un peth i'w gofio."),
              Allow.defaults())));
      default -> Optional.empty();
    };
  }

  /** The name a workshop's creator goes by when they give none. */
  public static String facilitatorName(Lang lang) { return lang.pick("Facilitator", "Hwylusydd"); }
}
