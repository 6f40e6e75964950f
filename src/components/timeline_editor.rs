//! Edits the timeline: dated changes of the rules (an hour, what the platform did, why then), and which rules
//! the other tabs edit.

use super::field::{edit, issue_lines, Issues, NameField, NumberField};
use super::rule_label::{names_marked, scenario_names};
use crate::locale::{tr, trf, use_lang, Lang};
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
pub fn hour_words(lang: Lang, h: u32) -> String {
    crate::locale::hour_label(lang, h)
}

/// The hour a new change goes at: half a day after the last one, or the end of the first day, inside the run.
fn next_hour(s: &Scenario) -> u32 {
    let last = s.interventions.iter().map(|i| i.hour + 12).max().unwrap_or(24);
    last.min(s.days.saturating_mul(24).saturating_sub(1))
}

/// A line saying how many problems a change's rules have (they are shown in full next to the fields when its
/// rules are edited).
fn rules_issues(lang: Lang, issues: &Issues, at: &str) -> Html {
    let n = ["circles", "platform"]
        .iter()
        .map(|part| issues.within(&format!("{at}.{part}")).len())
        .sum::<usize>();
    if n == 0 {
        return html! {};
    }
    html! {
        <p class="issue warning" data-testid="timeline-rules-issues">
            { match lang {
                Lang::En => format!("{n} thing{} to check in its rules: edit its rules to see where.", if n == 1 { "" } else { "s" }),
                Lang::Zh => format!("其规则中有 {n} 处需检查：编辑其规则可看到位置。"),
            } }
        </p>
    }
}

/// The timeline editor.
#[function_component]
pub fn TimelineEditor(props: &TimelineEditorProps) -> Html {
    let issues = use_context::<Issues>().unwrap_or_default();
    let lang = use_lang();
    let s = &props.scenario;
    let oc = &props.onchange;
    let total_hours = s.days.saturating_mul(24);
    // What each change does, in the rules summary's own words (its sections after the launch's, in hour order).
    let launch_sections = s.circles.len() + 1;
    let said: Vec<_> = rules_summary(lang, s).into_iter().skip(launch_sections).collect();
    let names = scenario_names(s);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let stages = timeline::stages(s);
    let add = {
        let (s, oc) = (s.clone(), oc.clone());
        let on_edit_rules = props.on_edit_rules.clone();
        Callback::from(move |_| {
            let mut next = s.clone();
            let hour = next_hour(&s);
            next.interventions.push(Intervention {
                hour,
                label: trf!(lang, "change at hour {hour}", "第 {hour} 小时的变更"),
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
                .unwrap_or_else(|| vec![String::from(tr!(lang, "past the end of the run: it never applies", "晚于运行结束：永不生效"))]);
            let editing = props.stage == Some(i);
            html! {
                <li class={classes!("timeline-change", editing.then_some("editing"))} data-testid="timeline-change">
                    <div class="change-head">
                        <NumberField label={tr!(lang, "From hour", "起始小时")} path={format!("{at}.hour")} value={f64::from(iv.hour)} min={0.0}
                            max={f64::from(total_hours.saturating_sub(1).max(1))} hint={hour_words(lang, iv.hour)} onchange={on_hour} />
                        <NameField label={tr!(lang, "What the platform did", "平台做了什么")} path={format!("{at}.label")} id={format!("change-label-{i}")}
                            value={iv.label.clone()} onchange={on_label} />
                    </div>
                    <div class="field">
                        <label for={format!("change-note-{i}")}>{tr!(lang, "Why at this hour (the timing and its source)", "为何在此时（时间依据及来源）")}</label>
                        <textarea id={format!("change-note-{i}")} rows="2" data-testid={format!("{at}.note")} value={iv.note.clone()} onchange={on_note} />
                    </div>
                    <p class="change-says">{tr!(lang, "Changes: ", "变更：")}</p>
                    <ul class="change-lines" data-testid="timeline-change-lines">
                        { for what.iter().map(|l| html! { <li>{names_marked(l, &names)}</li> }) }
                    </ul>
                    {issue_lines(&issues.at(&at))}
                    {rules_issues(lang, &issues, &at)}
                    <div class="change-actions">
                        <button class="btn" data-testid="timeline-edit-rules" aria-pressed={editing.to_string()} onclick={on_rules}>
                            { if editing { tr!(lang, "Editing its rules", "正在编辑其规则") } else { tr!(lang, "Edit its rules", "编辑其规则") } }
                        </button>
                        <button class="btn danger" data-testid="timeline-remove" onclick={remove.reform(|_| ())}
                            aria-label={ { let hour = iv.hour; trf!(lang, "Remove the change at hour {hour}", "删除第 {hour} 小时的变更") } }>{tr!(lang, "Remove", "删除")}</button>
                    </div>
                </li>
            }
        })
        .collect();
    let full = s.interventions.len() >= INTERVENTIONS_MAX;
    html! {
        <div class="timeline-editor" data-testid="timeline-editor">
            {issue_lines(&issues.at("interventions"))}
            <p class="muted">{tr!(lang, "The Circles and Run & platform tabs hold the launch's rules. A change puts new rules in force from its hour on, as a platform's response would: nothing that happened before it is undone.", "“圈子”和“运行与平台”标签页是上线时的规则。变更从其小时起施行新规则，如同平台的应对：之前发生的一切不会撤销。")}</p>
            if s.interventions.is_empty() {
                <p class="muted" data-testid="timeline-empty">{tr!(lang, "No changes: the launch's rules hold for the whole run.", "没有变更：上线时的规则贯穿整个运行。")}</p>
            } else {
                <ol class="changes">{rows}</ol>
            }
            <button class="btn" data-testid="timeline-add" disabled={full} onclick={add}
                title={if full { trf!(lang, "At most {INTERVENTIONS_MAX} changes", "最多 {INTERVENTIONS_MAX} 项变更") } else { String::from(tr!(lang, "Add a change of the rules at an hour of the run, then edit its rules", "在运行的某个小时加入规则变更，再编辑其规则")) }}>
                {tr!(lang, "+ Add a change", "+ 添加变更")}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_as_days_and_times() {
        assert_eq!(hour_words(Lang::En, 0), "day 1, 00:00");
        assert_eq!(hour_words(Lang::En, 36), "day 2, 12:00");
        assert_eq!(hour_words(Lang::Zh, 36), "第 2 天 12:00");
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
