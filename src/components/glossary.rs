//! The glossary in the page: a dialog of every term (see [`crate::glossary`]), opened from the results'
//! Glossary button or from a term on a card, which it opens at.

use super::dialog::Dialog;
use crate::glossary::Term;
use yew::prelude::*;

/// Opens the glossary, at a term or at its top; given by [`GlossaryProvider`] to everything inside it.
#[derive(Clone, PartialEq)]
pub struct GlossaryOpener(pub Callback<Option<Term>>);

/// Props of [`GlossaryProvider`].
#[derive(Properties, PartialEq, Clone)]
pub struct GlossaryProviderProps {
    /// What may open the glossary (the results).
    #[prop_or_default]
    pub children: Html,
}

/// Holds whether the glossary is open (and at which term), gives its opener to `children`, and shows it.
#[function_component]
pub fn GlossaryProvider(props: &GlossaryProviderProps) -> Html {
    // `None`: closed; `Some(None)`: open at the top; `Some(Some(t))`: open at `t`.
    let open = use_state(|| None::<Option<Term>>);
    let opener = {
        let open = open.clone();
        GlossaryOpener(Callback::from(move |t: Option<Term>| open.set(Some(t))))
    };
    let on_close = {
        let open = open.clone();
        Callback::from(move |()| open.set(None))
    };
    html! {
        <ContextProvider<GlossaryOpener> context={opener}>
            {props.children.clone()}
            if let Some(at) = *open { <GlossaryDialog {at} {on_close} /> }
        </ContextProvider<GlossaryOpener>>
    }
}

/// Props of [`TermLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct TermLinkProps {
    /// The term it explains.
    pub term: Term,
    /// Extra classes (a level pill keeps its look).
    #[prop_or_default]
    pub class: Classes,
    /// The words shown.
    #[prop_or_default]
    pub children: Html,
}

/// A term on a card that opens the glossary at its definition (a button: reachable by Tab, pressed with
/// Enter or Space); plain text where there is no glossary to open.
#[function_component]
pub fn TermLink(props: &TermLinkProps) -> Html {
    let lang = crate::locale::use_lang();
    let Some(GlossaryOpener(open)) = use_context::<GlossaryOpener>() else {
        return html! { <span class={props.class.clone()}>{props.children.clone()}</span> };
    };
    let term = props.term;
    let onclick = open.reform(move |_: MouseEvent| Some(term));
    html! {
        <button type="button" class={classes!("term", props.class.clone())} data-testid={format!("term-{}", term.id())}
            aria-haspopup="dialog" title={ { let name = term.name_in(lang); crate::locale::trf!(lang, "{name}: what it means (glossary)", "{name}：含义（术语表）") } } {onclick}>
            {props.children.clone()}
        </button>
    }
}

/// Props of [`GlossaryDialog`].
#[derive(Properties, PartialEq, Clone)]
pub struct GlossaryDialogProps {
    /// The term to open at, if any.
    pub at: Option<Term>,
    /// Closes it.
    pub on_close: Callback<()>,
}

/// The glossary dialog: every term and its definition; opened at a term, it scrolls to it and focuses it, so
/// a screen reader reads that definition first.
#[function_component]
pub fn GlossaryDialog(props: &GlossaryDialogProps) -> Html {
    let lang = crate::locale::use_lang();
    {
        let at = props.at;
        use_effect_with((), move |_| {
            let el = at.and_then(|t| {
                web_sys::window()?
                    .document()?
                    .get_element_by_id(&format!("glossary-{}", t.id()))
            });
            if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                let _ = el.focus();
                el.scroll_into_view();
            }
        });
    }
    let entry = |t: Term| {
        let current = props.at == Some(t);
        html! {
            <>
                <dt id={format!("glossary-{}", t.id())} tabindex="-1" class={classes!(current.then_some("current"))} data-testid={format!("glossary-{}", t.id())}>{t.name_in(lang)}</dt>
                // The definitions are the engine's own words, in English.
                <dd>{t.definition(lang)}</dd>
            </>
        }
    };
    let (measures, people): (Vec<Term>, Vec<Term>) =
        Term::all().into_iter().partition(|t| !matches!(t, Term::Archetype(_)));
    html! {
        <Dialog title={crate::locale::tr!(lang, "Glossary", "术语表")} id="glossary-title" testid="glossary" on_close={props.on_close.clone()}>
            <h3>{crate::locale::tr!(lang, "What the cards measure", "卡片衡量什么")}</h3>
            <dl class="glossary">{ for measures.into_iter().map(entry) }</dl>
            <h3>{crate::locale::tr!(lang, "Who the simulated people are", "模拟的人是谁")}</h3>
            <dl class="glossary">{ for people.into_iter().map(entry) }</dl>
        </Dialog>
    }
}
