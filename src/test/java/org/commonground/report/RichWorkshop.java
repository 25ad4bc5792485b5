package org.commonground.report;

import java.util.EnumSet;
import java.util.List;
import org.commonground.workshop.Allow;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Command;
import org.commonground.workshop.Kind;
import org.commonground.workshop.ParkingStatus;
import org.commonground.workshop.Scenario;
import org.commonground.workshop.Settings;

/**
 * One workshop with everything a report shows, for the tests of every format: two themes (the later one with
 * more votes), a named and an anonymous post, Welsh words, a question, take-home messages, a parked item
 * handed on to an owner, and a poll left open when the workshop ended.
 */
final class RichWorkshop {
  static final String ACTION = "Ask the board about transport";
  private RichWorkshop() {}

  static final String ANONYMOUS_AUTHOR = "Alex Secret";
  static final String WELSH = "Mae angen gwŷr a gwragedd i helpu â’r ŵyl";
  static final String ANONYMOUS_TEXT = "I was sectioned last year";
  static final String QUESTION = "Who phones the GP after discharge?";
  static final String TAKEAWAY = "Discharge starts on admission - plan [early].";
  static final String PARKED = "Who pays for taxis?";

  static Scenario build(Settings settings) {
    Scenario w = Scenario.workshop(settings, List.of(
        Scenario.phase(0, "Ideas", 20, EnumSet.allOf(Allow.class)),
        Scenario.phase(1, "Priorities", 15, EnumSet.allOf(Allow.class)))).started();
    Actor sam = w.join("Sam Okafor", "carers");
    Actor alex = w.join(ANONYMOUS_AUTHOR, "carers");
    Actor bo = w.join("Bo", "carers");
    for (String name : List.of("Dr Lee", "Mo", "Jo")) w.join(name, "professionals");
    String tea = w.post(sam, "Tea in mugs, not paper cups (really)");
    String secret = w.postAnonymously(alex, ANONYMOUS_TEXT);
    String welsh = w.post(bo, WELSH);
    String question = w.post(sam, Kind.QUESTION, QUESTION);
    w.post(sam, Kind.TAKEAWAY, TAKEAWAY);
    String parked = w.post(sam, Kind.PARKING, PARKED);
    w.accepted(new Command.ParkingUpdate(parked, ParkingStatus.HANDED_ON, "Commissioning lead"), Scenario.FACILITATOR);
    w.accepted(new Command.ActionAdd(ACTION, "Jo", "2026-12-03", parked), Scenario.FACILITATOR);
    w.accepted(new Command.ActionUpdate("a1", org.commonground.workshop.ActionStatus.IN_PROGRESS, "Asked on 2 December",
        null, null, null), Scenario.FACILITATOR);
    w.createTheme("Feeling at home", tea, secret);
    String busy = w.createTheme("Getting home", welsh, question);
    w.accepted(new Command.VoteCast(busy), sam);
    w.accepted(new Command.VoteCast(busy), bo);
    w.accepted(new Command.VoteCast(secret), alex);
    String poll = w.openPoll("Was today useful?", "Yes", "No");
    w.accepted(new Command.PollAnswer(poll, 0), sam);
    w.accepted(new Command.PollAnswer(poll, 0), bo);
    w.accepted(new Command.PollAnswer(poll, 1), alex);
    w.later(60_000);
    return w.ended();
  }

  static Report report() { return Reports.of(build(Settings.DEFAULTS).state()); }
}
