//! The list of circles: select one to edit, add, duplicate, reorder and remove.

use backfire_engine::limits::NAME_CHARS_MAX;
use backfire_engine::{Circle, CIRCLES_MAX};
use yew::prelude::*;

/// Props of [`CircleList`].
#[derive(Properties, PartialEq, Clone)]
pub struct CircleListProps {
    /// The circles.
    pub circles: Vec<Circle>,
    /// Index of the circle being edited.
    pub selected: usize,
    /// Called when the designer picks a circle to edit.
    pub onselect: Callback<usize>,
    /// Called with the new list and the index to select after a structural edit.
    pub onchange: Callback<(Vec<Circle>, usize)>,
}

/// What a list button does.
#[derive(Clone, Copy)]
enum Op {
    Add,
    Duplicate(usize),
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// `wanted`, or `wanted` with a number after it, whichever no circle in `list` is called yet; cut to the
/// name limit, so an added or copied circle never breaks the rule that names are short and distinct.
fn unique_name(list: &[Circle], wanted: &str) -> String {
    let taken = |n: &str| list.iter().any(|c| c.name.trim().eq_ignore_ascii_case(n.trim()));
    let fit = |base: &str, tail: &str| {
        let room = NAME_CHARS_MAX.saturating_sub(tail.chars().count());
        format!("{}{tail}", base.chars().take(room).collect::<String>())
    };
    let first = fit(wanted, "");
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| fit(wanted, &format!(" {n}")))
        .find(|n| !taken(n))
        .unwrap_or(first)
}

/// Applies a list operation; returns the new list and the index to select.
fn apply(circles: &[Circle], op: Op) -> (Vec<Circle>, usize) {
    let mut list = circles.to_vec();
    let selected = match op {
        Op::Add => {
            let name = unique_name(&list, &format!("Circle {}", list.len() + 1));
            list.push(Circle {
                name,
                ..Circle::default()
            });
            list.len() - 1
        }
        Op::Duplicate(i) => match list.get(i).cloned() {
            Some(mut copy) => {
                copy.name = unique_name(&list, &format!("{} (copy)", copy.name));
                list.insert(i + 1, copy);
                i + 1
            }
            None => i,
        },
        Op::Up(i) if i > 0 && i < list.len() => {
            list.swap(i - 1, i);
            i - 1
        }
        Op::Down(i) if i + 1 < list.len() => {
            list.swap(i, i + 1);
            i + 1
        }
        Op::Remove(i) if list.len() > 1 && i < list.len() => {
            list.remove(i);
            i.min(list.len() - 1)
        }
        Op::Up(i) | Op::Down(i) | Op::Remove(i) => i,
    };
    (list, selected)
}

/// The circle list.
#[function_component]
pub fn CircleList(props: &CircleListProps) -> Html {
    let n = props.circles.len();
    let lang = crate::locale::use_lang();
    let button = |label: &'static str, title: String, testid: String, op: Op, enabled: bool| {
        let circles = props.circles.clone();
        let onchange = props.onchange.clone();
        let onclick = Callback::from(move |_| onchange.emit(apply(&circles, op)));
        html! { <button class="btn small" aria-label={title.clone()} title={title} data-testid={testid} disabled={!enabled} {onclick}>{label}</button> }
    };
    html! {
        <div class="circle-list">
            <ul role="list">
                { for props.circles.iter().enumerate().map(|(i, c)| {
                    let onselect = props.onselect.clone();
                    let name = if c.name.trim().is_empty() { crate::locale::tr!(lang, "(unnamed)", "（未命名）").to_string() } else { c.name.clone() };
                    html! {
                        <li class={classes!("circle-item", (i == props.selected).then_some("selected"))}>
                            <button class="circle-pick" aria-pressed={(i == props.selected).to_string()} data-testid={format!("circle-pick-{i}")} translate="no" onclick={Callback::from(move |_| onselect.emit(i))}>{name.clone()}</button>
                            {button("↑", crate::locale::trf!(lang, "move {name} up", "上移{name}"), format!("circle-up-{i}"), Op::Up(i), i > 0)}
                            {button("↓", crate::locale::trf!(lang, "move {name} down", "下移{name}"), format!("circle-down-{i}"), Op::Down(i), i + 1 < n)}
                            {button(crate::locale::tr!(lang, "Copy", "复制"), crate::locale::trf!(lang, "duplicate {name}", "复制{name}"), format!("circle-duplicate-{i}"), Op::Duplicate(i), n < CIRCLES_MAX)}
                            {button("✕", crate::locale::trf!(lang, "remove {name}", "删除{name}"), format!("circle-remove-{i}"), Op::Remove(i), n > 1)}
                        </li>
                    }
                }) }
            </ul>
            {button(crate::locale::tr!(lang, "+ Add circle", "+ 添加圈子"), crate::locale::tr!(lang, "add a circle", "添加一个圈子").into(), "circle-add".into(), Op::Add, n < CIRCLES_MAX)}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(names: &[&str]) -> Vec<Circle> {
        names
            .iter()
            .map(|n| Circle {
                name: (*n).to_string(),
                ..Circle::default()
            })
            .collect()
    }
    fn names(list: &[Circle]) -> Vec<&str> {
        list.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn list_operations() {
        let list = named(&["a", "b", "c"]);
        let (l, s) = apply(&list, Op::Up(2));
        assert_eq!((names(&l), s), (vec!["a", "c", "b"], 1));
        let (l, s) = apply(&list, Op::Down(0));
        assert_eq!((names(&l), s), (vec!["b", "a", "c"], 1));
        let (l, s) = apply(&list, Op::Duplicate(1));
        assert_eq!((names(&l), s), (vec!["a", "b", "b (copy)", "c"], 2));
        let (l, s) = apply(&list, Op::Remove(2));
        assert_eq!((names(&l), s), (vec!["a", "b"], 1));
        let (l, _) = apply(&named(&["only"]), Op::Remove(0));
        assert_eq!(names(&l), vec!["only"], "the last circle cannot be removed");
        let (l, _) = apply(&named(&["a", "a (copy)"]), Op::Duplicate(0));
        assert_eq!(
            names(&l),
            vec!["a", "a (copy) 2", "a (copy)"],
            "a copy gets a name of its own"
        );
        let (l, _) = apply(&named(&[&"x".repeat(80)]), Op::Duplicate(0));
        assert!(l.iter().all(|c| c.name.chars().count() <= 80));
        assert_ne!(l[0].name, l[1].name);
        let (l, _) = apply(&named(&["Circle 2"]), Op::Add);
        assert_eq!(names(&l), vec!["Circle 2", "Circle 2 2"]);
        let (l, _) = apply(&list, Op::Up(0));
        assert_eq!(names(&l), vec!["a", "b", "c"]);
    }
}
