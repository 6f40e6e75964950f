//! The condition builder: edits a rule as clauses ("or") of conditions ("and"), one row per condition.

use super::field::{issue_lines, trim_number, Issues, NumberField};
use crate::locale::{gender_word, identity_word, tr, use_lang, verification_word, Lang};
use backfire_engine::{Clause, Condition, Gender, Identity, Named, Rule, VerificationLevel, CREDIT_MAX, CREDIT_MIN};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The attribute a condition row tests, as the row's first select names it.
fn attribute_label(lang: Lang, c: &Condition) -> &'static str {
    match c {
        Condition::ActorGender(_) => tr!(lang, "actor's gender", "行为者性别"),
        Condition::ActorIdentity(_) => tr!(lang, "actor's identity", "行为者身份"),
        Condition::ActorVerifiedAtLeast(_) => tr!(lang, "actor's verification", "行为者认证"),
        Condition::ActorCreditAtLeast(_) => tr!(lang, "actor's credit score", "行为者信用分"),
        Condition::ActorAccountAgeAtLeastDays(_) => tr!(lang, "actor's account age", "行为者账号年龄"),
        Condition::AuthorGender(_) => tr!(lang, "author's gender", "作者性别"),
        Condition::AuthorIdentity(_) => tr!(lang, "author's identity", "作者身份"),
        Condition::AuthorCreditAtLeast(_) => tr!(lang, "author's credit score", "作者信用分"),
    }
}

/// A select's options for an enum: each value's id and its word in the chosen language.
fn options<T: Named>(lang: Lang, word: fn(Lang, T) -> &'static str) -> Vec<(&'static str, &'static str)> {
    T::ALL.iter().map(|v| (v.id(), word(lang, *v))).collect()
}

/// The same condition kind with a new value typed or chosen in the row's value widget; `None` if the text is not valid.
pub fn with_value(c: &Condition, v: &str) -> Option<Condition> {
    Some(match c {
        Condition::ActorGender(_) => Condition::ActorGender(Gender::from_id(v)?),
        Condition::AuthorGender(_) => Condition::AuthorGender(Gender::from_id(v)?),
        Condition::ActorIdentity(_) => Condition::ActorIdentity(Identity::from_id(v)?),
        Condition::AuthorIdentity(_) => Condition::AuthorIdentity(Identity::from_id(v)?),
        Condition::ActorVerifiedAtLeast(_) => Condition::ActorVerifiedAtLeast(VerificationLevel::from_id(v)?),
        Condition::ActorCreditAtLeast(_) => Condition::ActorCreditAtLeast(v.trim().parse().ok()?),
        Condition::AuthorCreditAtLeast(_) => Condition::AuthorCreditAtLeast(v.trim().parse().ok()?),
        Condition::ActorAccountAgeAtLeastDays(_) => Condition::ActorAccountAgeAtLeastDays(v.trim().parse().ok()?),
    })
}

/// Props of [`ConditionBuilder`].
#[derive(Properties, PartialEq, Clone)]
pub struct ConditionBuilderProps {
    /// The rule's scenario path, e.g. `circles[0].rules.comment` (also the `data-testid` prefix).
    pub path: AttrValue,
    /// The rule edited.
    pub rule: Rule,
    /// Whether conditions on the author acted on make sense (not for `join` or `post`).
    pub about_author: bool,
    /// Called with the edited rule.
    pub onchange: Callback<Rule>,
}

/// Edits a rule: clauses joined by "or", each a list of conditions joined by "and".
#[function_component]
pub fn ConditionBuilder(props: &ConditionBuilderProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let lang = use_lang();
    let rule = &props.rule;
    let set = {
        let onchange = props.onchange.clone();
        move |r: Rule| onchange.emit(r)
    };
    let clauses: Html = rule
        .allow
        .iter()
        .enumerate()
        .map(|(ci, clause)| {
            let clause_path = format!("{}.allow[{ci}]", props.path);
            let rows: Html = clause
                .conditions
                .iter()
                .enumerate()
                .map(|(ki, cond)| {
                    let cond_path = format!("{clause_path}.conditions[{ki}]");
                    let replace = {
                        let rule = rule.clone();
                        let set = set.clone();
                        move |c: Condition| {
                            let mut r = rule.clone();
                            if let Some(slot) = r.allow.get_mut(ci).and_then(|cl| cl.conditions.get_mut(ki)) {
                                *slot = c;
                            }
                            set(r);
                        }
                    };
                    let on_attr = {
                        let replace = replace.clone();
                        Callback::from(move |e: Event| {
                            if let Some(c) = Condition::of_kind(&e.target_unchecked_into::<HtmlSelectElement>().value()) {
                                replace(c);
                            }
                        })
                    };
                    let on_value_select = {
                        let replace = replace.clone();
                        let cond = cond.clone();
                        Callback::from(move |e: Event| {
                            if let Some(c) = with_value(&cond, &e.target_unchecked_into::<HtmlSelectElement>().value()) {
                                replace(c);
                            }
                        })
                    };
                    // A number is checked and applied when committed (blur, Enter, a pause), as in every number field.
                    let on_value_number = {
                        let replace = replace.clone();
                        let cond = cond.clone();
                        Callback::from(move |v: f64| {
                            if let Some(c) = with_value(&cond, &trim_number(v)) {
                                replace(c);
                            }
                        })
                    };
                    let on_remove = {
                        let rule = rule.clone();
                        let set = set.clone();
                        Callback::from(move |_| {
                            let mut r = rule.clone();
                            if let Some(cl) = r.allow.get_mut(ci) {
                                if ki < cl.conditions.len() {
                                    cl.conditions.remove(ki);
                                }
                            }
                            set(r);
                        })
                    };
                    let attribute = cond.kind();
                    let (comparison, value_widget) = value_widget(lang, cond, &cond_path, on_value_select, on_value_number);
                    html! {
                        <li class="condition" data-testid={cond_path.clone()}>
                            <div class="row">
                                <select aria-label={tr!(lang, "attribute", "属性")} data-testid={format!("{cond_path}.attribute")} onchange={on_attr}>
                                    { for Condition::KINDS.iter().filter(|k| !k.is_about_author() || props.about_author || k.kind() == attribute).map(|k| html! {
                                        <option value={k.kind()} selected={k.kind() == attribute}>{attribute_label(lang, k)}</option>
                                    }) }
                                </select>
                                <span class="comparison">{comparison}</span>
                                {value_widget}
                                <button class="btn small" aria-label={tr!(lang, "remove condition", "删除条件")} data-testid={format!("{cond_path}.remove")} onclick={on_remove}>{"✕"}</button>
                            </div>
                            {issue_lines(&issues.within(&cond_path))}
                        </li>
                    }
                })
                .collect();
            let on_add = {
                let rule = rule.clone();
                let set = set.clone();
                Callback::from(move |_| {
                    let mut r = rule.clone();
                    if let Some(cl) = r.allow.get_mut(ci) {
                        cl.conditions.push(Condition::ActorCreditAtLeast(700));
                    }
                    set(r);
                })
            };
            let on_remove_clause = {
                let rule = rule.clone();
                let set = set.clone();
                Callback::from(move |_| {
                    let mut r = rule.clone();
                    if ci < r.allow.len() {
                        r.allow.remove(ci);
                    }
                    set(r);
                })
            };
            html! {
                <>
                    if ci > 0 { <div class="or">{tr!(lang, "or", "或")}</div> }
                    <div class="clause" data-testid={clause_path.clone()}>
                        <div class="row clause-head">
                            <span>{ if clause.conditions.is_empty() { tr!(lang, "Everyone", "所有人") } else { tr!(lang, "Anyone who meets all of:", "同时满足以下全部条件的人：") } }</span>
                            <button class="btn small" data-testid={format!("{clause_path}.remove")} onclick={on_remove_clause}>{tr!(lang, "Remove alternative", "删除此选项")}</button>
                        </div>
                        <ul class="conditions">{rows}</ul>
                        <button class="btn small" data-testid={format!("{clause_path}.add")} onclick={on_add}>{tr!(lang, "+ condition", "+ 条件")}</button>
                    </div>
                </>
            }
        })
        .collect();
    let on_add_clause = {
        let rule = rule.clone();
        let set = set.clone();
        Callback::from(move |_| {
            let mut r = rule.clone();
            r.allow.push(Clause {
                conditions: vec![Condition::ActorCreditAtLeast(700)],
            });
            set(r);
        })
    };
    let on_everyone = {
        let set = set.clone();
        Callback::from(move |_| set(Rule::everyone()))
    };
    let on_nobody = Callback::from(move |_| set(Rule::nobody()));
    html! {
        <div class="rule" data-testid={props.path.clone()}>
            if rule.allow.is_empty() { <p class="muted" data-testid={format!("{}.nobody", props.path)}>{tr!(lang, "Nobody may do this.", "任何人都不能这样做。")}</p> }
            {clauses}
            <div class="row">
                <button class="btn small" data-testid={format!("{}.add-clause", props.path)} onclick={on_add_clause}>{tr!(lang, "+ or …", "+ 或 …")}</button>
                <button class="btn small" onclick={on_everyone}>{tr!(lang, "Everyone", "所有人")}</button>
                <button class="btn small" onclick={on_nobody}>{tr!(lang, "Nobody", "无人")}</button>
            </div>
            {issue_lines(&issues.at(&props.path))}
        </div>
    }
}

/// The comparison word and the value widget of a row.
fn value_widget(
    lang: Lang,
    c: &Condition,
    path: &str,
    onselect: Callback<Event>,
    onnumber: Callback<f64>,
) -> (&'static str, Html) {
    let select = |options: &[(&'static str, &'static str)], current: &str| {
        let items: Html = options
            .iter()
            .map(|(v, t)| html! { <option value={*v} selected={*v == current}>{*t}</option> })
            .collect();
        html! {
            <select aria-label={tr!(lang, "value", "取值")} data-testid={format!("{path}.value")} onchange={onselect.clone()}>{items}</select>
        }
    };
    let number = |value: u32, min: u32, max: u32, unit: &'static str| {
        // Labelled by its attribute, so a refusal reads "Actor's credit score: 2,000 is more than …".
        let label = capitalised(attribute_label(lang, c));
        html! {
            <NumberField {label} path={format!("{path}.value")} value={f64::from(value)} min={f64::from(min)} max={f64::from(max)}
                {unit} compact=true onchange={onnumber.clone()} />
        }
    };
    match c {
        Condition::ActorGender(g) | Condition::AuthorGender(g) => {
            (tr!(lang, "is", "是"), select(&options(lang, gender_word), g.id()))
        }
        Condition::ActorIdentity(i) | Condition::AuthorIdentity(i) => {
            (tr!(lang, "is", "是"), select(&options(lang, identity_word), i.id()))
        }
        Condition::ActorVerifiedAtLeast(l) => (
            tr!(lang, "at least", "至少"),
            select(&options(lang, verification_word), l.id()),
        ),
        Condition::ActorCreditAtLeast(v) | Condition::AuthorCreditAtLeast(v) => (
            "≥",
            number(u32::from(*v), u32::from(CREDIT_MIN), u32::from(CREDIT_MAX), ""),
        ),
        // Validation refuses an account older than 36,500 days (`validate.rs`); the box accepts what it accepts.
        Condition::ActorAccountAgeAtLeastDays(d) => ("≥", number(*d, 0, 36_500, tr!(lang, "days", "天"))),
    }
}

/// "actor's credit score" → "Actor's credit score".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_or_refuse() {
        let c = Condition::ActorCreditAtLeast(700);
        assert_eq!(with_value(&c, " 750 "), Some(Condition::ActorCreditAtLeast(750)));
        assert_eq!(with_value(&c, "abc"), None);
        assert_eq!(with_value(&c, "-3"), None);
        assert_eq!(
            with_value(&Condition::AuthorGender(Gender::Female), "male"),
            Some(Condition::AuthorGender(Gender::Male))
        );
        // A value no option has is refused, not read as the first option.
        assert_eq!(with_value(&Condition::AuthorGender(Gender::Male), "robot"), None);
        assert_eq!(
            with_value(
                &Condition::ActorVerifiedAtLeast(VerificationLevel::SelfDeclared),
                "real_name_bound"
            ),
            Some(Condition::ActorVerifiedAtLeast(VerificationLevel::RealNameBound))
        );
    }
}
