// Figures the facilitator sees, worked out from the state alone (no DOM), so they are unit tested.

/**
 * People per stakeholder group, and named contributions per group. A group with fewer people
 * than `minGroupSize` is folded into "other", and "other" itself is shown only when it is big
 * enough: a figure about two people in a room picks them out.
 */
export function participation(state) {
  const min = state.workshop?.settings?.minGroupSize ?? 3;
  const people = new Map();
  for (const p of state.participants ?? []) {
    if (p.role !== 'participant' || p.removed) continue;
    const g = p.group || '';
    people.set(g, (people.get(g) ?? 0) + 1);
  }
  const posts = new Map();
  for (const c of state.contributions ?? []) {
    if (c.hidden || c.group == null) continue;
    posts.set(c.group, (posts.get(c.group) ?? 0) + 1);
  }
  const rows = [];
  const other = { people: 0, posts: 0, groups: 0 };
  for (const [g, n] of people) {
    if (g && n >= min) rows.push({ group: g, people: n, posts: posts.get(g) ?? 0 });
    else { other.people += n; other.posts += g ? posts.get(g) ?? 0 : 0; other.groups++; }
  }
  rows.sort((a, b) => b.people - a.people);
  const anonymous = (state.contributions ?? []).filter((c) => !c.hidden && c.anonymous).length;
  return { rows, other: other.people >= min ? other : null, hiddenSmall: other.people > 0 && other.people < min, anonymous, min };
}
