package org.commonground.workshop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.workshop.ParticipationCommands.PollAnswer;
import org.commonground.workshop.ParticipationCommands.PollClose;
import org.commonground.workshop.ParticipationCommands.PollLadder;
import org.commonground.workshop.ParticipationCommands.PollOpen;
import org.commonground.workshop.Event.PollClosed;
import org.commonground.workshop.Event.PollOpened;
import org.commonground.workshop.Event.PollTallied;

/** Polls: facilitators open and close them; everyone answers once (a new answer replaces the old); counts only. */
final class PollRules {
  private PollRules() {}

  static Decision decide(WorkshopState s, Command cmd, Actor actor) {
    if (cmd instanceof PollOpen o) {
      Decision forbidden = Workshop.facilitatorsOnly(actor, "open a poll");
      if (forbidden != null) return forbidden;
      return open(s, o.question(), o.options(), actor);
    }
    if (cmd instanceof PollLadder l) {
      Decision forbidden = Workshop.facilitatorsOnly(actor, "open a poll");
      if (forbidden != null) return forbidden;
      Lang lang = l.lang() != null ? l.lang() : s.settings().lang();
      return open(s, Ladder.question(lang), Ladder.rungs(lang), actor);
    }
    if (cmd instanceof PollAnswer a) return answer(s, a, actor);
    if (cmd instanceof PollClose c) {
      Decision forbidden = Workshop.facilitatorsOnly(actor, "close a poll");
      if (forbidden != null) return forbidden;
      Poll poll = s.polls().get(c.id());
      if (poll == null) return Decision.reject(Code.NOT_FOUND, "no such poll");
      if (poll.status() == Poll.Status.CLOSED) return Decision.nothing();
      return Decision.accept(Map.of("id", poll.id()), new Emitted(actor.participantId(), new PollClosed(poll.closed())));
    }
    return null;
  }

  private static Decision open(WorkshopState s, String question, List<String> options, Actor actor) {
    Poll poll = new Poll("q" + s.counters().poll(), question, options, Poll.Status.OPEN, Map.of());
    return Decision.accept(Map.of("id", poll.id()), new Emitted(actor.participantId(), new PollOpened(poll)));
  }

  private static Decision answer(WorkshopState s, PollAnswer a, Actor actor) {
    Poll poll = s.polls().get(a.pollId());
    if (poll == null) return Decision.reject(Code.NOT_FOUND, "no such poll");
    if (poll.status() == Poll.Status.CLOSED) return Decision.reject(Code.PHASE_CLOSED, "this poll is closed");
    if (!Workshop.allowed(s, actor, Allow.POLL)) return Decision.reject(Code.PHASE_CLOSED, "polls are not open in this phase");
    if (a.option() < 0 || a.option() >= poll.options().size()) {
      return Decision.reject(Code.INVALID, "option must be 0 to " + (poll.options().size() - 1));
    }
    Integer before = poll.answers().get(actor.participantId());
    if (before != null && before == a.option()) return Decision.nothing();
    Map<String, Integer> answers = new HashMap<>(poll.answers());
    answers.put(actor.participantId(), a.option());
    Poll after = poll.withAnswers(answers);
    List<Integer> counts = new ArrayList<>();
    for (int c : after.counts()) counts.add(c);
    return Decision.accept(Map.of("pollId", poll.id()), new Emitted(null, new PollTallied(poll.id(), answers, counts)));
  }
}
