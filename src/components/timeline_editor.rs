//! Edits the timeline: dated changes of the rules (an hour, what the platform did, why then), and which rules
//! the other tabs edit.

use super::field::{edit, issue_lines, Issues, NameField, NumberField};
use backfire_engine::timeline;
use backfire_engine::words::rules_summary;
use backfire_engine::{Intervention, Scenario, INTERVENTIONS_MAX};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`TimelineEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineEditorProps {
    /// The whole scenario (the launch's rules and the interventions).
    pub scenario: Scenario,
    /// Whose rules the other tabs edit (`None` for the launch's).
    pub stage: Option<usize>,
    /// Called with the edited scenario.
    pub onchange: Callback<Scenario>,
    /// Called to edit the rules of the launch (`None`) or of intervention `i` on the Circles tab.
    pub on_edit_rules: Callback<Option<usize>>,
}

/// "day 2, 08:00" for an hour of the run (hour 0 is the first day's 00:00 on the chart axis).
pub fn hour_words(h: u32) -> String {
    format!("day {}, {:02}:00", h / 24 + 1, h % 24)
}

/// The hour a new change goes at: half a day after the last one, or the end of the first day, inside the run.
fn next_hour(s: &Scenario) -> u32 {
    let last = s.interventions.iter().map(|i| i.hour + 12).max().unwrap_or(24);
    last.min(s.days.saturating_mul(24).saturating_sub(1))
}

/// A line saying how many problems a change's rules have (they are shown in full next to the fields when its
/// rules are edited).
fn rules_issues(issues: &Issues, at: &str) -> Html {
    let n = ["circles", "platform"]
        .iter()
        .map(|part| issues.within(&format!("{at}.{part}")).len())
        .sum::<usize>();
    if n == 0 {
        return html! {};
    }
    html! {
        <p class="issue warning" data-testid="timeline-rules-issues">
            {format!("{n} thing{} to check in its rules: edit its rules to see where.", if n == 1 { "" } else { "s" })}
        </p>
    }
}

/// The timeline editor.
#[function_component]
pub fn TimelineEditor(props: &TimelineEditorProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let s = &props.scenario;
    let oc = &props.onchange;
    let total_hours = s.days.saturating_mul(24);
    // What each change does, in the rules summary's own words (its sections after the launch's, in hour order).
    let launch_sections = s.circles.len() + 1;
    let said: Vec<_> = rules_summary(s).into_iter().skip(launch_sections).collect();
    let stages = timeline::stages(s);
    let add = {
        let (s, oc) = (s.clone(), oc.clone());
        let on_edit_rules = props.on_edit_rules.clone();
        Callback::from(move |_| {
            let mut next = s.clone();
            let hour = next_hour(&s);
            next.interventions.push(Intervention {
                hour,
                label: format!("change at hour {hour}"),
                ..Intervention::default()
            });
            let i = next.interventions.len() - 1;
            oc.emit(next);
            on_edit_rules.emit(Some(i));
        })
    };
    let rows: Html = s
        .interventions
        .iter()
        .enumerate()
        .map(|(i, iv)| {
            let at = format!("interventions[{i}]");
            let on_hour = edit(s, oc, move |s, v: f64| {
                if let Some(iv) = s.interventions.get_mut(i) {
                    iv.hour = v as u32;
                }
            });
            let on_label = edit(s, oc, move |s, v: String| {
                if let Some(iv) = s.interventions.get_mut(i) {
                    iv.label = v;
                }
            });
            let on_note = {
                let cb = edit(s, oc, move |s, v: String| {
                    if let Some(iv) = s.interventions.get_mut(i) {
                        iv.note = v;
                    }
                });
                Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
            };
            let remove = edit(s, oc, move |s, (): ()| {
                if i < s.interventions.len() {
                    s.interventions.remove(i);
                }
            });
            let on_rules = props.on_edit_rules.reform(move |_| Some(i));
            // The stage of this change, to find what it says (changes at the same hour each have one).
            let what = stages
                .iter()
                .skip(1)
                .position(|st| st.intervention == Some(i))
                .and_then(|k| said.get(k))
                .map(|sec| sec.lines.clone())
                .unwrap_or_else(|| vec![String::from("past the end of the run: it never applies")]);
            let editing = props.stage == Some(i);
            html! {
                <li class={classes!("timeline-change", editing.then_some("editing"))} data-testid="timeline-change">
                    <div class="change-head">
                        <NumberField label="From hour" path={format!("{at}.hour")} value={f64::from(iv.hour)} min={0.0}
                            max={f64::from(total_hours.saturating_sub(1).max(1))} hint={hour_words(iv.hour)} onchange={on_hour} />
                        <NameField label="What the platform did" path={format!("{at}.label")} id={format!("change-label-{i}")}
                            value={iv.label.clone()} onchange={on_label} />
                    </div>
                    <div class="field">
                        <label for={format!("change-note-{i}")}>{"Why at this hour (the timing and its source)"}</label>
                        <textarea id={format!("change-note-{i}")} rows="2" data-testid={format!("{at}.note")} value={iv.note.clone()} onchange={on_note} />
                    </div>
                    <p class="change-says">{"Changes: "}</p>
                    <ul class="change-lines" data-testid="timeline-change-lines">
                        { for what.iter().map(|l| html! { <li>{l.clone()}</li> }) }
                    </ul>
                    {issue_lines(&issues.at(&at))}
                    {rules_issues(&issues, &at)}
                    <div class="change-actions">
                        <button class="btn" data-testid="timeline-edit-rules" aria-pressed={editing.to_string()} onclick={on_rules}>
                            { if editing { "Editing its rules" } else { "Edit its rules" } }
                        </button>
                        <button class="btn danger" data-testid="timeline-remove" onclick={remove.reform(|_| ())}
                            aria-label={format!("Remove the change at hour {}", iv.hour)}>{"Remove"}</button>
                    </div>
                </li>
            }
        })
        .collect();
    let full = s.interventions.len() >= INTERVENTIONS_MAX;
    html! {
        <div class="timeline-editor" data-testid="timeline-editor">
            {issue_lines(&issues.at("interventions"))}
            <p class="muted">{"The Circles and Run & platform tabs hold the launch's rules. A change puts new rules in force from its hour on, as a platform's response would: nothing that happened before it is undone."}</p>
            if s.interventions.is_empty() {
                <p class="muted" data-testid="timeline-empty">{"No changes: the launch's rules hold for the whole run."}</p>
            } else {
                <ol class="changes">{rows}</ol>
            }
            <button class="btn" data-testid="timeline-add" disabled={full} onclick={add}
                title={if full { format!("At most {INTERVENTIONS_MAX} changes") } else { String::from("Add a change of the rules at an hour of the run, then edit its rules") }}>
                {"+ Add a change"}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_as_days_and_times() {
        assert_eq!(hour_words(0), "day 1, 00:00");
        assert_eq!(hour_words(36), "day 2, 12:00");
    }

    #[test]
    fn a_new_change_goes_after_the_last_inside_the_run() {
        let mut s = Scenario::default();
        assert_eq!(next_hour(&s), 24);
        s.interventions.push(Intervention {
            hour: 160,
            ..Intervention::default()
        });
        assert_eq!(next_hour(&s), 167, "a week has hours 0 to 167");
    }
}
