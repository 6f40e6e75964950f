//! Small dumb input widgets (number, slider, money, toggle, select) that show the engine's issues for their path.

use backfire_engine::limits::NAME_CHARS_MAX;
use backfire_engine::settings::SettingId;
use backfire_engine::{RuleIssue, Severity};
use std::collections::BTreeMap;
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

/// The issues for `path`, rendered as lines under a field in the chosen language.
pub fn issue_lines(issues: &[RuleIssue]) -> Html {
    if issues.is_empty() {
        return Html::default();
    }
    html! { <IssueLines issues={issues.to_vec()} /> }
}

/// Props of [`IssueLines`].
#[derive(Properties, PartialEq, Clone)]
struct IssueLinesProps {
    issues: Vec<RuleIssue>,
}

/// The lines of [`issue_lines`]: a component, so it reads the language from context.
#[function_component]
fn IssueLines(props: &IssueLinesProps) -> Html {
    let lang = crate::locale::use_lang();
    props
        .issues
        .iter()
        .map(|i| {
            let class = if i.severity == Severity::Error {
                "issue error"
            } else {
                "issue warning"
            };
            html! { <p class={class} data-testid="field-issue" data-path={i.path.clone()}>{i.text(lang)}</p> }
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
    /// Inline, for a row (the condition builder): the label is for screen readers only.
    #[prop_or_default]
    pub compact: bool,
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
        compact: false,
    }
}

/// Text a number field refused, and why.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Refusal {
    /// The message the field shows.
    pub message: String,
    /// The text the designer typed.
    pub text: String,
}

/// The paths of number fields whose typed text was refused, with the text and the message: while any is
/// here the run is blocked and the results are marked stale, since the box shows a value the scenario
/// does not hold. Shared through context as a [`RefusedHandle`].
///
/// A refusal outlives its field: when the field goes away (another circle opened, another tab) the block
/// and the message stay (listed with the results, see `refused_list`), and the field shows the refused
/// text again when it comes back, so a refused value is never silently dropped.
#[derive(Clone, PartialEq, Default, Debug)]
pub struct Refused(pub Rc<BTreeMap<String, Refusal>>);

impl Reducible for Refused {
    /// `(path, Some(refusal))` marks a field refused; `(path, None)` clears it.
    type Action = (String, Option<Refusal>);

    fn reduce(self: Rc<Self>, (path, message): Self::Action) -> Rc<Self> {
        if self.0.get(&path) == message.as_ref() {
            return self;
        }
        let mut map = (*self.0).clone();
        match message {
            Some(m) => map.insert(path, m),
            None => map.remove(&path),
        };
        Rc::new(Self(Rc::new(map)))
    }
}

/// The refused fields, as the app provides them to every [`NumberField`].
pub type RefusedHandle = UseReducerHandle<Refused>;

/// How long typing must pause before the text is committed (blur and Enter commit at once).
const COMMIT_PAUSE_MS: u32 = 900;

/// `v` as a designer reads it: thousands separators for whole numbers, at most two decimals otherwise.
fn readable(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0.0 {
            format!("-{out}")
        } else {
            out
        }
    } else if v.is_finite() && v.abs() < 1e15 {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        format!("{v:e}")
    }
}

/// `v` with the field's unit: "¥10,000", "15%", "1,000 days".
fn with_unit(v: f64, unit: &str) -> String {
    // The unit text may carry a note, e.g. "¥ (0 = no cap)"; the bare unit is its first word.
    let unit = unit.split(" (").next().unwrap_or_default().trim();
    match unit {
        "" => readable(v),
        "¥" => format!("¥{}", readable(v)),
        "%" => format!("{}%", readable(v)),
        u => format!("{} {u}", readable(v)),
    }
}

/// Reads what a designer typed: thousands separators (`5,000,000`), a leading `¥`, a trailing `%` or
/// spaces are allowed, as is scientific notation (`1e9`); a comma that is not a thousands separator is
/// refused rather than guessed at (is `1,5` one and a half or fifteen?).
pub fn read_number(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .trim_start_matches('¥')
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    if t.contains(',') {
        let int = t.split(['.', 'e', 'E']).next().unwrap_or_default();
        let int = int.trim_start_matches(['-', '+']);
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or_default();
        let ok = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
        if !ok {
            return None;
        }
    }
    t.replace(',', "").parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Why `text` cannot be the value of a field labelled `label`, in plain words with the allowed range, or
/// the value it means.
pub fn check_number(
    lang: crate::locale::Lang,
    label: &str,
    text: &str,
    (min, max, step): (f64, f64, f64),
    unit: &str,
) -> Result<f64, String> {
    use crate::locale::{tr, trf};
    let whole = step >= 1.0;
    let kind = if whole {
        tr!(lang, "a whole number", "整数")
    } else {
        tr!(lang, "a number", "数字")
    };
    // A word unit ("days") is said once, after the range; a sign (¥, %) goes with every number.
    let bare = unit.split(" (").next().unwrap_or_default().trim();
    let word = !matches!(bare, "" | "¥" | "%");
    let say = |v: f64| if word { readable(v) } else { with_unit(v, unit) };
    let range = if word {
        let (least, most) = (readable(min), readable(max));
        trf!(lang, "{least} to {most} {bare}", "{least} 到 {most} {bare}")
    } else {
        let (least, most) = (say(min), say(max));
        trf!(lang, "{least} to {most}", "{least} 到 {most}")
    };
    let trimmed = text.trim();
    match read_number(trimmed) {
        None if trimmed.is_empty() => Err(trf!(
            lang,
            "{label} is empty: enter {kind} from {range}.",
            "{label}为空：请输入 {range} 之间的{kind}。"
        )),
        None => Err(trf!(
            lang,
            "{label}: “{trimmed}” is not a number. Enter {kind} from {range}.",
            "{label}：“{trimmed}”不是数字。请输入 {range} 之间的{kind}。"
        )),
        Some(v) if v > max => {
            let value = say(v);
            Err(trf!(
                lang,
                "{label}: {value} is more than the largest allowed. Enter {range}.",
                "{label}：{value} 超过允许的最大值。请输入 {range}。"
            ))
        }
        Some(v) if v < min => {
            let value = say(v);
            Err(trf!(
                lang,
                "{label}: {value} is less than the smallest allowed. Enter {range}.",
                "{label}：{value} 低于允许的最小值。请输入 {range}。"
            ))
        }
        Some(v) if whole && v.fract() != 0.0 => {
            let value = readable(v);
            Err(trf!(
                lang,
                "{label}: {value} is not a whole number. Enter {kind} from {range}.",
                "{label}：{value} 不是整数。请输入 {range} 之间的{kind}。"
            ))
        }
        // Finer than the step (a tip of ¥0.005): refused, as rounding would run a value not typed.
        Some(v) if !whole && ((v / step).round() * step - v).abs() > step * 1e-6 => {
            let (value, finest) = (readable(v), with_unit(step, unit));
            Err(trf!(
                lang,
                "{label}: {value} is finer than the field keeps ({finest}). Enter {kind} from {range}.",
                "{label}：{value} 比此字段的精度（{finest}）更细。请输入 {range} 之间的{kind}。"
            ))
        }
        Some(v) => Ok(v),
    }
}

/// A number input (optionally with a slider). What is typed is checked and applied only when it is
/// committed (the box loses focus, Enter, or typing pauses), so a half-typed value such as the `500000` on
/// the way to `5000000` never runs. Text that is refused stays in the box with its message, the field is
/// listed in [`Refused`] (which blocks the run), and the scenario keeps its last good value.
#[function_component]
pub fn NumberField(props: &NumberProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let lang = crate::locale::use_lang();
    let refused = use_context::<RefusedHandle>();
    // A field that comes back (its circle opened again) shows the text it refused before, with the message.
    let kept = refused.as_ref().and_then(|r| r.0.get(props.path.as_str()).cloned());
    let local_error = use_state(|| kept.as_ref().map(|k| k.message.clone()));
    // What the designer typed and has not committed, or committed and was refused. Yew re-applies
    // `value` on every render, so without this the box would snap back to the last good value.
    let draft = use_state(|| kept.as_ref().map(|k| k.text.clone()));
    // The pending pause-commit; dropping it (a newer keystroke, a commit, unmounting) cancels it.
    let pause = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    // The value in force when last seen: the effect below runs on mount too, and must not drop kept text then.
    let seen = use_mut_ref(|| props.value.to_bits());
    {
        // A change from elsewhere (undo, a preset) replaces any half-typed text and its message.
        let draft = draft.clone();
        let local_error = local_error.clone();
        let refused = refused.clone();
        let path = props.path.to_string();
        let seen = seen.clone();
        use_effect_with(props.value.to_bits(), move |bits| {
            if std::mem::replace(&mut *seen.borrow_mut(), *bits) != *bits {
                draft.set(None);
                local_error.set(None);
                if let Some(r) = refused {
                    r.dispatch((path, None));
                }
            }
        });
    }
    {
        // A refusal discarded from the results' list: the box goes back to the value in force.
        let (draft, local_error) = (draft.clone(), local_error.clone());
        use_effect_with(kept.is_some(), move |still_kept| {
            if !*still_kept && local_error.is_some() {
                draft.set(None);
                local_error.set(None);
            }
        });
    }
    let id = field_id(&props.path);
    let (label, unit) = crate::locale::setting_words(lang, &props.path, &props.label, &props.unit);
    let commit = {
        let p = props.clone();
        let (label, unit) = (label.clone(), unit.clone());
        let local_error = local_error.clone();
        let draft = draft.clone();
        let refused = refused.clone();
        let pause = pause.clone();
        Rc::new(move |text: String| {
            pause.borrow_mut().take();
            match check_number(lang, &label, &text, (p.min, p.max, p.step), &unit) {
                Ok(v) => {
                    local_error.set(None);
                    draft.set(None);
                    if let Some(r) = &refused {
                        r.dispatch((p.path.to_string(), None));
                    }
                    if v.to_bits() != p.value.to_bits() {
                        p.onchange.emit(v);
                    }
                }
                Err(message) => {
                    local_error.set(Some(message.clone()));
                    draft.set(Some(text.clone()));
                    if let Some(r) = &refused {
                        r.dispatch((p.path.to_string(), Some(Refusal { message, text })));
                    }
                }
            }
        })
    };
    let oninput = {
        let commit = Rc::clone(&commit);
        let draft = draft.clone();
        let pause = pause.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(Some(text.clone()));
            let commit = Rc::clone(&commit);
            *pause.borrow_mut() = Some(gloo::timers::callback::Timeout::new(COMMIT_PAUSE_MS, move || {
                commit(text)
            }));
        })
    };
    let onblur = {
        let commit = Rc::clone(&commit);
        let draft = draft.clone();
        Callback::from(move |e: FocusEvent| {
            if draft.is_some() {
                commit(e.target_unchecked_into::<HtmlInputElement>().value());
            }
        })
    };
    let onkeydown = {
        let commit = Rc::clone(&commit);
        let draft = draft.clone();
        let local_error = local_error.clone();
        let refused = refused.clone();
        let pause = pause.clone();
        let path = props.path.to_string();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => commit(e.target_unchecked_into::<HtmlInputElement>().value()),
            // Escape puts back the value in force.
            "Escape" => {
                pause.borrow_mut().take();
                draft.set(None);
                local_error.set(None);
                if let Some(r) = &refused {
                    r.dispatch((path.clone(), None));
                }
            }
            _ => {}
        })
    };
    // The slider shows its position while dragged and commits once, on release: one undo step per drag.
    let onslide = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.set(Some(e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let onslid = {
        let commit = Rc::clone(&commit);
        Callback::from(move |e: Event| commit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let mine = issues.at(&props.path);
    let invalid = local_error.is_some() || mine.iter().any(|i| i.severity == Severity::Error);
    let value = (*draft).clone().unwrap_or_else(|| trim_number(props.value));
    // The slider follows typed text only while it is a value the field accepts; refused text leaves it
    // at the value in force (a slider cannot show 150 of 100 anyway).
    let slider_value = (*draft)
        .as_deref()
        .and_then(read_number)
        .filter(|v| (props.min..=props.max).contains(v))
        .map_or_else(|| trim_number(props.value), trim_number);
    // Wide enough for the longest allowed value and a little more.
    let chars = trim_number(props.max)
        .len()
        .max(trim_number(props.min).len())
        .max(value.len())
        .clamp(3, 14)
        + 1;
    let error_id = format!("{id}-error");
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), props.compact.then_some("compact"))}>
            <label for={id.clone()} class={classes!(props.compact.then_some("visually-hidden"))}>{label.clone()}</label>
            <div class={if props.slider { "slider" } else { "row" }}>
                if props.slider {
                    <input type="range" aria-label={crate::locale::trf!(lang, "{label} slider", "{label}滑块")} min={props.min.to_string()} max={props.max.to_string()} step={props.step.to_string()} value={slider_value} oninput={onslide} onchange={onslid} />
                }
                <span class="row nowrap">
                    <input id={id} type="text" inputmode="decimal" autocomplete="off" class="number-input" style={format!("--chars: {chars}")}
                        data-testid={props.path.clone()} data-min={props.min.to_string()} data-max={props.max.to_string()}
                        value={value} {oninput} {onblur} {onkeydown} aria-invalid={invalid.to_string()}
                        aria-describedby={local_error.is_some().then(|| error_id.clone())} />
                    if !unit.is_empty() { <span class="muted">{unit}</span> }
                </span>
            </div>
            if !props.hint.is_empty() { <span class="hint">{props.hint.clone()}</span> }
            if let Some(err) = (*local_error).clone() { <p class="issue error" id={error_id} role="alert" data-testid="field-issue" data-refused="true">{err}</p> }
            {issue_lines(&mine)}
        </div>
    }
}

/// Why `name` cannot be the name of a `what` ("Circle name"), or the name to keep (trimmed): names are
/// required, at most [`NAME_CHARS_MAX`] characters (the engine's limit), and unlike every name in `taken`.
pub fn check_name(what: &str, name: &str, taken: &[String]) -> Result<String, String> {
    let name = name.trim();
    let chars = name.chars().count();
    if name.is_empty() {
        Err(format!(
            "{what} is empty: give it a name, so reports can tell it apart."
        ))
    } else if chars > NAME_CHARS_MAX {
        Err(format!(
            "{what} is {chars} characters long: shorten it to {NAME_CHARS_MAX} or fewer."
        ))
    } else if taken.iter().any(|t| t.trim().eq_ignore_ascii_case(name)) {
        Err(format!(
            "{what} “{name}” is already taken: choose a different name, so reports can tell them apart."
        ))
    } else {
        Ok(name.to_string())
    }
}

/// Props of [`NameField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NameProps {
    /// Label above the box, also the start of its messages ("Circle name").
    pub label: AttrValue,
    /// The scenario path this edits (issues are matched on it; also its `data-testid`).
    pub path: AttrValue,
    /// The input's id.
    pub id: AttrValue,
    /// The name in force.
    pub value: AttrValue,
    /// Names it may not take (the other circles').
    #[prop_or_default]
    pub taken: Vec<String>,
    /// Called with a checked, trimmed name that differs from `value`.
    pub onchange: Callback<String>,
}

/// A name box that applies what is typed when it is committed (focus leaves, Enter, or typing pauses),
/// so undo takes back a rename rather than a letter; a refused name stays in the box with its message.
#[function_component]
pub fn NameField(props: &NameProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let draft = use_state(|| None::<(String, Option<String>)>);
    let pause = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        // A rename from elsewhere (undo, a preset) replaces the text in the box.
        let draft = draft.clone();
        use_effect_with(props.value.clone(), move |_| draft.set(None));
    }
    let commit = {
        let p = props.clone();
        let draft = draft.clone();
        let pause = pause.clone();
        Rc::new(move |text: String| {
            pause.borrow_mut().take();
            match check_name(&p.label, &text, &p.taken) {
                Ok(name) => {
                    draft.set(None);
                    if name != p.value.as_str() {
                        p.onchange.emit(name);
                    }
                }
                Err(message) => draft.set(Some((text, Some(message)))),
            }
        })
    };
    let oninput = {
        let (commit, draft, pause) = (Rc::clone(&commit), draft.clone(), pause.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(Some((text.clone(), None)));
            let commit = Rc::clone(&commit);
            *pause.borrow_mut() = Some(gloo::timers::callback::Timeout::new(COMMIT_PAUSE_MS, move || {
                commit(text)
            }));
        })
    };
    let onchange = {
        let commit = Rc::clone(&commit);
        Callback::from(move |e: Event| commit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let (value, refused) = match &*draft {
        Some((text, message)) => (text.clone(), message.clone()),
        None => (props.value.to_string(), None),
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("field", refused.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{props.label.clone()}</label>
            <input id={props.id.clone()} type="text" maxlength={NAME_CHARS_MAX.to_string()} data-testid={props.path.clone()} {value}
                {oninput} {onchange} aria-invalid={refused.is_some().to_string()} aria-describedby={refused.is_some().then(|| error_id.clone())} />
            if let Some(message) = refused { <p class="issue error" id={error_id} role="alert" data-testid="field-issue" data-refused="true">{message}</p> }
            {issue_lines(&issues.at(&props.path))}
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
    fn typed_numbers_are_read_as_meant_or_refused_in_words() {
        assert_eq!(read_number("5,000,000"), Some(5_000_000.0));
        assert_eq!(read_number("¥1e9"), Some(1e9));
        assert_eq!(read_number(" 150 % "), Some(150.0));
        assert_eq!(read_number("1,5"), None, "a decimal comma is refused, not read as 15");
        assert_eq!(read_number("12,34,567"), None);
        assert_eq!(read_number("abc"), None);
        let users = check_number(
            crate::locale::Lang::En,
            "Users",
            "5,000,000",
            (100.0, 1_000_000.0, 1.0),
            "",
        );
        assert_eq!(
            users,
            Err("Users: 5,000,000 is more than the largest allowed. Enter 100 to 1,000,000.".into())
        );
        assert_eq!(
            check_number(
                crate::locale::Lang::Zh,
                "用户数",
                "5,000,000",
                (100.0, 1_000_000.0, 1.0),
                "人"
            ),
            Err("用户数：5,000,000 超过允许的最大值。请输入 100 到 1,000,000 人。".into())
        );
        let fee = check_number(crate::locale::Lang::En, "Tip fee", "150", (0.0, 50.0, 0.1), "%");
        assert!(
            matches!(&fee, Err(m) if m.contains("150%") && m.contains("0% to 50%")),
            "{fee:?}"
        );
        let ceiling = check_number(
            crate::locale::Lang::En,
            "Tip ceiling",
            "¥1e9",
            (0.01, 10_000.0, 0.01),
            "¥",
        );
        assert!(
            matches!(&ceiling, Err(m) if m.contains("¥1,000,000,000") && m.contains("¥0.01 to ¥10,000")),
            "{ceiling:?}"
        );
        assert_eq!(
            check_number(crate::locale::Lang::En, "Days", "1,000", (1.0, 365.0, 1.0), "days").map_err(|_| ()),
            Err(())
        );
        assert_eq!(
            check_number(crate::locale::Lang::En, "Days", "30", (1.0, 365.0, 1.0), "days"),
            Ok(30.0)
        );
        assert_eq!(
            check_number(crate::locale::Lang::En, "Tip floor", "0.5", (0.01, 10.0, 0.01), "¥"),
            Ok(0.5)
        );
        assert!(check_number(crate::locale::Lang::En, "Tip floor", "0.005", (0.01, 10.0, 0.01), "¥").is_err());
        assert!(check_number(crate::locale::Lang::En, "Days", "2.5", (1.0, 365.0, 1.0), "days").is_err());
        assert!(check_number(crate::locale::Lang::En, "Days", "", (1.0, 365.0, 1.0), "days").is_err());
    }

    #[test]
    fn names_are_refused_when_empty_long_or_taken() {
        let taken = vec![String::from("Mothers")];
        assert_eq!(
            check_name("Circle name", "  Fathers ", &taken),
            Ok(String::from("Fathers"))
        );
        assert!(check_name("Circle name", "mothers", &taken).is_err_and(|m| m.contains("already taken")));
        assert!(check_name("Circle name", "   ", &taken).is_err());
        assert!(check_name("Circle name", &"x".repeat(81), &taken).is_err_and(|m| m.contains("80")));
        assert!(check_name("Circle name", &"x".repeat(80), &taken).is_ok());
    }

    #[test]
    fn refused_fields_are_listed_until_cleared() {
        let refusal = || Refusal {
            message: "too many".into(),
            text: "1,000".into(),
        };
        let r = Rc::new(Refused::default());
        let r = r.reduce(("days".into(), Some(refusal())));
        assert_eq!(r.0.len(), 1);
        assert_eq!(
            r.0.get("days").map(|k| k.text.as_str()),
            Some("1,000"),
            "the typed text is kept"
        );
        let same = Rc::clone(&r).reduce(("days".into(), Some(refusal())));
        assert!(Rc::ptr_eq(&same, &r), "an unchanged entry keeps the state");
        assert!(r.reduce(("days".into(), None)).0.is_empty());
    }

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
