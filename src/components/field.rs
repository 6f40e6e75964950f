//! Small dumb input widgets (number, slider, money, toggle, select) that show the engine's issues for their path.

use backfire_engine::settings::SettingId;
use backfire_engine::{RuleIssue, Severity};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The engine's validation issues, shared with every field through context.
#[derive(Clone, PartialEq, Default)]
pub struct Issues(pub Rc<Vec<RuleIssue>>);

impl Issues {
    /// Issues whose path is exactly `path`.
    pub fn at(&self, path: &str) -> Vec<RuleIssue> {
        self.0.iter().filter(|i| i.path == path).cloned().collect()
    }
    /// Issues at `path` or anywhere inside it.
    pub fn within(&self, path: &str) -> Vec<RuleIssue> {
        self.0
            .iter()
            .filter(|i| {
                i.path == path || i.path.starts_with(&format!("{path}.")) || i.path.starts_with(&format!("{path}["))
            })
            .cloned()
            .collect()
    }
}

/// The issues for `path`, rendered as lines under a field.
pub fn issue_lines(issues: &[RuleIssue]) -> Html {
    issues
        .iter()
        .map(|i| {
            let class = if i.severity == Severity::Error {
                "issue error"
            } else {
                "issue warning"
            };
            html! { <p class={class} data-testid="field-issue" data-path={i.path.clone()}>{i.message.clone()}</p> }
        })
        .collect()
}

/// A callback that applies an edit of type `T` to a copy of `current` and hands the result to `onchange`:
/// the one way every editor turns a widget's value into a new plain-data value.
pub fn edit<S: Clone + 'static, T: 'static>(
    current: &S,
    onchange: &Callback<S>,
    apply: impl Fn(&mut S, T) + 'static,
) -> Callback<T> {
    let current = current.clone();
    let onchange = onchange.clone();
    Callback::from(move |v: T| {
        let mut next = current.clone();
        apply(&mut next, v);
        onchange.emit(next);
    })
}

/// A stable id for a label/input pair, derived from the path.
pub fn field_id(path: &str) -> String {
    format!("f-{}", path.replace(['.', '[', ']'], "-"))
}

/// Props of [`NumberField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberProps {
    /// Label shown above the input.
    pub label: AttrValue,
    /// The scenario path this field edits (issues are matched on it; also its `data-testid`).
    pub path: AttrValue,
    /// Current value.
    pub value: f64,
    /// Smallest accepted value.
    pub min: f64,
    /// Largest accepted value.
    pub max: f64,
    /// Step (1 for whole numbers).
    #[prop_or(1.0)]
    pub step: f64,
    /// Unit shown after the input.
    #[prop_or_default]
    pub unit: AttrValue,
    /// Show a range slider beside the number.
    #[prop_or_default]
    pub slider: bool,
    /// A hint under the field.
    #[prop_or_default]
    pub hint: AttrValue,
    /// Called with a parsed, in-range value.
    pub onchange: Callback<f64>,
}

/// The props of a [`NumberField`] editing a catalogued setting: label, path, unit, bounds and step all
/// come from the engine's settings table, so the editor accepts exactly what validation accepts.
/// `stored` is the value as the scenario holds it (fen, ‰…); `circle_idx` is ignored by per-scenario settings.
pub fn setting_props(id: SettingId, circle_idx: usize, stored: u32, onchange: Callback<f64>) -> NumberProps {
    let row = id.setting();
    NumberProps {
        label: row.label.into(),
        path: row.path(circle_idx).into(),
        value: row.scale.shown(stored),
        min: row.shown_min(),
        max: row.shown_max(),
        step: row.shown_step(),
        unit: row.unit_text().into(),
        slider: false,
        hint: AttrValue::default(),
        onchange,
    }
}

/// A number input (optionally with a slider). Text that is not a number in range is kept in the box with a
/// message beside it, and the scenario keeps its last good value, so a typo never loses work.
#[function_component]
pub fn NumberField(props: &NumberProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let local_error = use_state(|| None::<String>);
    // What the designer typed while it is not a valid value. Yew re-applies `value` on every render, so
    // without this the box would snap back to the last good value mid-typing and the text would be lost.
    let draft = use_state(|| None::<String>);
    {
        // A change from elsewhere (undo, a preset) replaces any half-typed text.
        let draft = draft.clone();
        let local_error = local_error.clone();
        use_effect_with(props.value.to_bits(), move |_| {
            draft.set(None);
            local_error.set(None);
        });
    }
    let id = field_id(&props.path);
    let parse = {
        let p = props.clone();
        let local_error = local_error.clone();
        let draft = draft.clone();
        move |text: String| {
            let trimmed = text.trim();
            let whole = p.step >= 1.0;
            let value = trimmed.parse::<f64>().ok().filter(|v| v.is_finite());
            let problem = match value {
                None => Some(format!(
                    "`{trimmed}` is not a number; enter {} from {} to {}",
                    if whole { "a whole number" } else { "a number" },
                    p.min,
                    p.max
                )),
                Some(v) if v < p.min || v > p.max => Some(format!("{v} is out of range: enter {} to {}", p.min, p.max)),
                Some(v) if whole && v.fract() != 0.0 => Some(format!("{v} is not a whole number")),
                Some(_) => None,
            };
            match (problem, value) {
                (None, Some(v)) => {
                    local_error.set(None);
                    draft.set(None);
                    p.onchange.emit(v);
                }
                (problem, _) => {
                    local_error.set(problem);
                    draft.set(Some(text.clone()));
                }
            }
        }
    };
    let oninput = {
        let parse = parse.clone();
        Callback::from(move |e: InputEvent| parse(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onslide = Callback::from(move |e: InputEvent| parse(e.target_unchecked_into::<HtmlInputElement>().value()));
    let mine = issues.at(&props.path);
    let invalid = local_error.is_some() || mine.iter().any(|i| i.severity == Severity::Error);
    let value = (*draft).clone().unwrap_or_else(|| trim_number(props.value));
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <div class={if props.slider { "slider" } else { "row" }}>
                if props.slider {
                    <input type="range" aria-label={format!("{} slider", props.label)} min={props.min.to_string()} max={props.max.to_string()} step={props.step.to_string()} value={value.clone()} oninput={onslide} />
                }
                <span class="row nowrap">
                    <input id={id} type="number" inputmode="decimal" data-testid={props.path.clone()} min={props.min.to_string()} max={props.max.to_string()} step={props.step.to_string()} value={value} {oninput} aria-invalid={invalid.to_string()} />
                    if !props.unit.is_empty() { <span class="muted">{props.unit.clone()}</span> }
                </span>
            </div>
            if !props.hint.is_empty() { <span class="hint">{props.hint.clone()}</span> }
            if let Some(err) = (*local_error).clone() { <p class="issue error" data-testid="field-issue">{err}</p> }
            {issue_lines(&mine)}
        </div>
    }
}

/// A number without a trailing `.0`.
pub fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Props of [`Toggle`].
#[derive(Properties, PartialEq, Clone)]
pub struct ToggleProps {
    /// Label beside the checkbox.
    pub label: AttrValue,
    /// The scenario path this edits (also its `data-testid`).
    pub path: AttrValue,
    /// Whether it is on.
    pub checked: bool,
    /// Called with the new state.
    pub onchange: Callback<bool>,
}

/// A labelled checkbox.
#[function_component]
pub fn Toggle(props: &ToggleProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    html! {
        <div class="field">
            <label class="toggle">
                <input type="checkbox" data-testid={props.path.clone()} checked={props.checked} {onchange} />
                {props.label.clone()}
            </label>
            {issue_lines(&issues.at(&props.path))}
        </div>
    }
}

/// Props of [`Select`].
#[derive(Properties, PartialEq, Clone)]
pub struct SelectProps {
    /// Label above the select.
    pub label: AttrValue,
    /// The scenario path this edits (also its `data-testid`).
    pub path: AttrValue,
    /// `(value, text)` options.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The selected value.
    pub value: AttrValue,
    /// Called with the chosen value.
    pub onchange: Callback<String>,
}

/// A labelled select.
#[function_component]
pub fn Select(props: &SelectProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let id = field_id(&props.path);
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{props.label.clone()}</label>
            <select id={id} data-testid={props.path.clone()} {onchange}>
                { for props.options.iter().map(|(v, t)| html! { <option value={v.clone()} selected={*v == props.value}>{t.clone()}</option> }) }
            </select>
            {issue_lines(&issues.at(&props.path))}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use backfire_engine::settings::SETTINGS;

    #[test]
    fn setting_props_carry_the_tables_bounds() {
        for row in &SETTINGS {
            let props = setting_props(row.id, 3, row.default, Callback::noop());
            assert_eq!(props.label.as_str(), row.label);
            assert_eq!(props.path.as_str(), row.path(3));
            assert_eq!(
                (props.min, props.max),
                (row.shown_min(), row.shown_max()),
                "{}",
                row.field
            );
            assert_eq!(props.step, row.shown_step());
            assert_eq!(props.unit.as_str(), row.unit_text());
            assert_eq!(row.scale.stored(props.value), row.default);
        }
    }

    /// Every setting has a field built from the table, and no editor types bounds by hand (save the
    /// archetype shares, which are a mix shown as normalised shares, not a setting).
    #[test]
    fn editors_take_every_bound_from_the_table() {
        let editors = [
            include_str!("circle_editor.rs"),
            include_str!("platform_editor.rs"),
            include_str!("population_editor.rs"),
        ]
        .concat();
        for row in &SETTINGS {
            let name = format!("setting_props(SettingId::{:?},", row.id);
            assert_eq!(
                editors.matches(&name).count(),
                1,
                "{} needs exactly one editor field",
                row.field
            );
        }
        let by_hand: Vec<&str> = editors
            .lines()
            .filter(|l| l.contains("<NumberField") && l.contains("max={"))
            .collect();
        assert_eq!(by_hand.len(), 1, "{by_hand:#?}");
        assert!(by_hand.iter().all(|l| l.contains("population.archetypes")));
    }
}
