//! Rule evaluation: whether an actor may act on an author, and which clause let them.

use crate::scenario::{Condition, Gender, Identity, Rule, VerificationLevel};

/// What the platform knows about a user when it checks a rule (claimed attributes, not true ones).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attrs {
    pub gender: Gender,
    pub identity: Identity,
    pub verification: VerificationLevel,
    pub credit: u16,
    pub age_days: u32,
}

/// The index of the first clause that allows the action, or `None` when the rule refuses it.
///
/// For actions without an author acted on (join, post), pass the actor as the author: the
/// validator warns about author conditions there, and this keeps them harmless.
pub(crate) fn allows(rule: &Rule, actor: &Attrs, author: &Attrs) -> Option<u8> {
    for (i, clause) in rule.allow.iter().enumerate() {
        if clause.conditions.iter().all(|c| holds(c, actor, author)) {
            return Some(i.min(14) as u8);
        }
    }
    None
}

/// [`allows`] (the same answer), with the author's attributes fetched only once a clause gets as far as a
/// condition on the author (conditions are read in order, and the first that fails ends the clause). At a million
/// users the author's record is a trip to memory, and most checks fail on the actor first: a man under 750 asking
/// to comment on a woman's post in the 2016 launch.
///
/// Two loops rather than [`allows`] calling this one: where both records are already at hand, asking of every
/// condition whom it is about cost 2.5 % more instructions over a whole 10,000-user run (callgrind).
pub(crate) fn allows_fetching_author(rule: &Rule, actor: &Attrs, author: impl Fn() -> Attrs) -> Option<u8> {
    let mut fetched: Option<Attrs> = None;
    for (i, clause) in rule.allow.iter().enumerate() {
        let all = clause.conditions.iter().all(|c| {
            if c.is_about_author() {
                let theirs = *fetched.get_or_insert_with(&author);
                holds(c, actor, &theirs)
            } else {
                holds(c, actor, actor)
            }
        });
        if all {
            return Some(i.min(14) as u8);
        }
    }
    None
}

/// Whether one condition holds.
pub(crate) fn holds(c: &Condition, actor: &Attrs, author: &Attrs) -> bool {
    match c {
        Condition::ActorGender(g) => actor.gender == *g,
        Condition::ActorIdentity(i) => actor.identity == *i,
        Condition::ActorVerifiedAtLeast(v) => actor.verification >= *v,
        Condition::ActorCreditAtLeast(x) => actor.credit >= *x,
        Condition::ActorAccountAgeAtLeastDays(d) => actor.age_days >= *d,
        Condition::AuthorGender(g) => author.gender == *g,
        Condition::AuthorIdentity(i) => author.identity == *i,
        Condition::AuthorCreditAtLeast(x) => author.credit >= *x,
    }
}

/// The lowest actor credit score that would let this actor act, holding everything else fixed:
/// `Some(0)` if allowed already, `None` if no credit would help.
pub(crate) fn credit_needed(rule: &Rule, actor: &Attrs, author: &Attrs) -> Option<u16> {
    let mut best: Option<u16> = None;
    for clause in &rule.allow {
        let mut need = 0_u16;
        let mut possible = true;
        for c in &clause.conditions {
            match c {
                Condition::ActorCreditAtLeast(x) => need = need.max(*x),
                other => {
                    if !holds(other, actor, author) {
                        possible = false;
                    }
                }
            }
        }
        if possible {
            let need = if need <= actor.credit { 0 } else { need };
            best = Some(best.map_or(need, |b| b.min(need)));
        }
    }
    best
}

/// Clause number meaning "the rule as a whole refused" in a rule key.
pub(crate) const REFUSED: u8 = 15;
/// Rule key of "bans let people come back freely".
pub(crate) const KEY_BAN_FREE: u16 = 0xF001;
/// Rule key of "bans let people come back at a cost".
pub(crate) const KEY_BAN_AT_COST: u16 = 0xF002;
/// Rule key of "bans bind the real name" (a bought account that the real-name check missed).
pub(crate) const KEY_BAN_REAL_NAME: u16 = 0xF003;

/// Packs a circle, action and clause into a small key for `opened_by` tallies.
pub(crate) fn key(circle: usize, action: crate::scenario::Action, clause: u8) -> u16 {
    1 + (circle.min(400) as u16) * 128 + (action as u16) * 16 + u16::from(clause.min(REFUSED))
}

/// The rule a key names, as data (`words::rule_label` writes it, e.g. "Campus Diary · post: actor is female").
pub(crate) fn at(s: &crate::scenario::Scenario, key: u16) -> crate::report::RuleAt {
    use crate::report::RuleAt;
    use crate::scenario::Action;
    match key {
        KEY_BAN_FREE => return RuleAt::BansFree,
        KEY_BAN_AT_COST => return RuleAt::BansAtCost,
        KEY_BAN_REAL_NAME => return RuleAt::BansRealName,
        0 => return RuleAt::Unknown,
        _ => {}
    }
    let k = key - 1;
    let circle = usize::from(k / 128);
    let action = Action::ALL
        .get(usize::from((k / 16) % 8))
        .copied()
        .unwrap_or(Action::Post);
    let clause = (k % 16) as u8;
    let Some(c) = s.circles.get(circle) else {
        return RuleAt::Unknown;
    };
    let rule = match action {
        Action::Join => Some(&c.join),
        other => c.rules.get(other),
    };
    let circle = c.name.clone();
    match rule {
        Some(r) if clause == REFUSED => RuleAt::Refused {
            circle,
            action,
            allows: r.allow.clone(),
        },
        Some(r) => match r.allow.get(usize::from(clause)) {
            Some(cl) => RuleAt::Clause {
                circle,
                action,
                clause: cl.clone(),
            },
            None => RuleAt::Rule { circle, action },
        },
        None => RuleAt::Rule { circle, action },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(gender: Gender, credit: u16) -> Attrs {
        Attrs {
            gender,
            identity: Identity::Student,
            verification: VerificationLevel::SelfDeclared,
            credit,
            age_days: 100,
        }
    }

    /// The 2016 launch's comment rule: women, or men of 750 or more on a woman's post.
    fn launch_comment_rule() -> Rule {
        Rule::when(vec![Condition::ActorGender(Gender::Female)]).or(vec![
            Condition::ActorGender(Gender::Male),
            Condition::ActorCreditAtLeast(750),
            Condition::AuthorGender(Gender::Female),
        ])
    }

    #[test]
    fn men_over_750_may_comment_on_women() {
        let rule = launch_comment_rule();
        let woman = who(Gender::Female, 600);
        assert_eq!(allows(&rule, &who(Gender::Male, 760), &woman), Some(1));
        assert_eq!(allows(&rule, &who(Gender::Male, 700), &woman), None);
        assert_eq!(allows(&rule, &woman, &woman), Some(0));
        assert_eq!(credit_needed(&rule, &who(Gender::Male, 700), &woman), Some(750));
        assert_eq!(credit_needed(&rule, &who(Gender::Male, 800), &woman), Some(0));
    }

    #[test]
    fn the_author_is_fetched_only_when_a_clause_reaches_a_condition_on_them() {
        let rule = launch_comment_rule();
        for actor in [who(Gender::Male, 760), who(Gender::Male, 700), who(Gender::Female, 600)] {
            for author in [who(Gender::Female, 600), who(Gender::Male, 800)] {
                let fetches = std::cell::Cell::new(0);
                let lazily = allows_fetching_author(&rule, &actor, || {
                    fetches.set(fetches.get() + 1);
                    author
                });
                assert_eq!(lazily, allows(&rule, &actor, &author), "the same answer");
                // Only a man of 750 or more gets as far as the author's gender, and then once.
                let reaches = actor.gender == Gender::Male && actor.credit >= 750;
                assert_eq!(fetches.get(), u32::from(reaches));
            }
        }
    }

    #[test]
    fn empty_rule_allows_nobody_and_empty_clause_everyone() {
        let a = who(Gender::Male, 500);
        assert_eq!(allows(&Rule::nobody(), &a, &a), None);
        assert_eq!(allows(&Rule::everyone(), &a, &a), Some(0));
        assert_eq!(credit_needed(&Rule::nobody(), &a, &a), None);
    }
}
