//! Exemplars: a few incidents per pattern kept as plain facts (who did what, where, for how much), and the
//! sentence each one reads as, in English or Chinese.
//!
//! The run keeps the facts; the report carries them and their English sentences (the words the CLI and the
//! snapshots have always shown), and the app writes them in the chosen language with [`sentence`].

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::scenario::{Action, Archetype, Gender, Identity};
use crate::words::{gender_word, identity_word, yuan};

/// One incident, as the facts its sentence is written from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemplar {
    /// The simulated hour it happened in.
    pub hour: u32,
    /// The user who acted (the victim who paid, for a scam).
    pub user: u32,
    /// Where it happened (`None` for a return after a ban, which happens on the platform).
    pub circle: Option<ExemplarCircle>,
    /// What happened.
    pub deed: Deed,
}

/// The circle an exemplar happened in: its index in the scenario and its name as the designer typed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExemplarCircle {
    /// Index of the circle in the scenario.
    pub idx: u32,
    /// The circle's name.
    pub name: String,
}

/// Who a user was: an archetype, or an ordinary user who turned to soliciting during the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    /// The user's archetype.
    pub archetype: Archetype,
    /// Whether an ordinary user turned to soliciting because the rules made it pay.
    pub converted: bool,
}

/// What an exemplar's user did; the amounts are in fen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Deed {
    /// An honest user took up a solicitor's offer of off-platform contact.
    ContactTaken {
        /// The viewer's archetype.
        archetype: Archetype,
        /// The solicitor who made the offer.
        author: u32,
    },
    /// A solicitor posted photos asking for tips and a meeting.
    SolicitPost {
        /// Who posted.
        who: Who,
        /// Whether the post came from an account that replaced a banned one.
        replacement: bool,
    },
    /// An identity faker posted a persona, claiming a gender or identity it has not.
    Persona {
        /// The true and the claimed gender, when they differ.
        gender: Option<(Gender, Gender)>,
        /// The true and the claimed identity, when they differ.
        identity: Option<(Identity, Identity)>,
    },
    /// The user paid a scammer for a meeting that never happened.
    Scam {
        /// Amount paid.
        fen: u64,
        /// The scammer paid.
        scammer: u32,
    },
    /// Abusive comments or messages.
    Harassment {
        /// Who sent them.
        who: Who,
        /// Whether they were private messages (else comments).
        messages: bool,
        /// The user they were sent to.
        target: u32,
    },
    /// A score farmer churned payments for credit points to cross a gate.
    ScoreFarming {
        /// Payments churned.
        fen: u64,
        /// Points bought today.
        points: u64,
        /// The score after buying them.
        credit: u16,
        /// The score the gate needs.
        need: u16,
        /// The action the gate opens.
        action: Action,
    },
    /// A launderer tipped a controlled account.
    Laundering {
        /// Amount tipped.
        fen: u64,
        /// The controlled account.
        mate: u32,
    },
    /// A sybil ring member boosted a ring-mate's post.
    RingBoost {
        /// The ring-mate whose post climbed.
        mate: u32,
    },
    /// A banned user came back with a new account.
    Comeback {
        /// The returning user's archetype.
        archetype: Archetype,
    },
    /// An honest user wanted to act and a rule refused them.
    Refused {
        /// Who was refused.
        who: Who,
        /// Their gender.
        gender: Gender,
        /// Their credit score.
        credit: u16,
        /// What they wanted to do.
        action: Action,
    },
}

/// The exemplar as one sentence: "hour 12: user #40 (solicitor) posted suggestive photos asking for tips and a
/// meeting in Campus Diary" / "第 12 小时：用户 #40（招揽者）在「Campus Diary」发布擦边照片，索要打赏和见面".
pub fn sentence(lang: Lang, e: &Exemplar) -> String {
    let (h, idx) = (e.hour, e.user);
    let deed = deed_words(lang, &e.deed, e.circle.as_ref().map_or("", |c| c.name.as_str()));
    match lang {
        Lang::En => format!("hour {h}: user #{idx} {deed}"),
        Lang::Zh => format!("第 {h} 小时：用户 #{idx}{deed}"),
    }
}

/// Money as the English exemplars have always written it: "¥1234.50", without separators.
fn plain_yuan(fen: u64) -> String {
    format!("¥{}.{:02}", fen / 100, fen % 100)
}

/// What the user did in circle `c`, after "user #12": each deed's English and Chinese side by side.
fn deed_words(lang: Lang, deed: &Deed, c: &str) -> String {
    match *deed {
        Deed::ContactTaken { archetype, author } => match lang {
            Lang::En => format!(
                "({}) took up user #{author}'s offer of off-platform contact in {c}",
                archetype.id()
            ),
            Lang::Zh => format!("（{}）在「{c}」接受了用户 #{author} 提出的站外联系", archetype_zh(archetype)),
        },
        Deed::SolicitPost { who, replacement } => match lang {
            Lang::En => format!(
                "({}{}) posted suggestive photos asking for tips and a meeting in {c}",
                who_en(who),
                if replacement { ", on a replacement account" } else { "" }
            ),
            Lang::Zh => format!(
                "（{}{}）在「{c}」发布擦边照片，索要打赏和见面",
                who_zh(who),
                if replacement { "，用的是被封后重开的账号" } else { "" }
            ),
        },
        Deed::Persona { gender, identity } => {
            let mut parts = Vec::new();
            if let Some((is, claims)) = gender {
                parts.push(match lang {
                    Lang::En => format!("{} claiming to be {}", gender_word(Lang::En, is), gender_word(Lang::En, claims)),
                    Lang::Zh => format!("实为{}却自称{}", gender_word(Lang::Zh, is), gender_word(Lang::Zh, claims)),
                });
            }
            if let Some((is, claims)) = identity {
                parts.push(match lang {
                    Lang::En => format!("{} claiming to be {}", identity_word(Lang::En, is), identity_word(Lang::En, claims)),
                    Lang::Zh => format!("实为{}却自称{}", identity_zh(is), identity_zh(claims)),
                });
            }
            match lang {
                Lang::En => format!("(identity faker, {}) posted a persona in {c}", parts.join(", ")),
                Lang::Zh => {
                    let claim: String = parts.iter().map(|p| format!("，{p}")).collect();
                    format!("（身份伪造者{claim}）在「{c}」发布了虚假人设")
                }
            }
        }
        Deed::Scam { fen, scammer } => match lang {
            Lang::En => format!(
                "paid {} to user #{scammer} (scammer) in {c} for a meeting that never happened",
                plain_yuan(fen)
            ),
            Lang::Zh => format!(
                " 在「{c}」向用户 #{scammer}（骗子）支付了 {}，约好的见面却从未发生",
                yuan(fen)
            ),
        },
        Deed::Harassment { who, messages, target } => match lang {
            Lang::En => format!(
                "({}) sent abusive {} to user #{target} in {c}",
                who_en(who),
                if messages { "messages" } else { "comments" }
            ),
            Lang::Zh => format!(
                "（{}）在「{c}」向用户 #{target} 发送辱骂{}",
                who_zh(who),
                if messages { "私信" } else { "评论" }
            ),
        },
        Deed::ScoreFarming {
            fen,
            points,
            credit,
            need,
            action,
        } => match lang {
            Lang::En => format!(
                "(score farmer) churned ¥{} through payments for {points} points (now {credit}) to reach {need} and {} in {c}",
                fen / 100,
                action.id()
            ),
            Lang::Zh => format!(
                "（刷分者）刷单付款 {}，换得 {points} 信用分（现为 {credit}），以达到 {need} 分，{}",
                yuan(fen / 100 * 100),
                act_in_zh(action, c)
            ),
        },
        Deed::Laundering { fen, mate } => match lang {
            Lang::En => format!(
                "(launderer) tipped {} to controlled account user #{mate} in {c}",
                plain_yuan(fen)
            ),
            Lang::Zh => format!("（洗钱者）在「{c}」向受控账号用户 #{mate} 打赏 {}", yuan(fen)),
        },
        Deed::RingBoost { mate } => match lang {
            Lang::En => format!("(sybil ring) boosted ring-mate user #{mate}'s post in {c} to climb the feed"),
            Lang::Zh => format!("（女巫打赏团伙）在「{c}」为同伙用户 #{mate} 的帖子刷量，把它顶上信息流"),
        },
        Deed::Comeback { archetype } => match lang {
            Lang::En => format!("({}) was banned and came back with a new account", archetype.id()),
            Lang::Zh => format!("（{}）被封禁后用新账号回来了", archetype_zh(archetype)),
        },
        Deed::Refused {
            who,
            gender,
            credit,
            action,
        } => match lang {
            Lang::En => format!(
                "({}, {}, credit {credit}) wanted to {} in {c} and was refused",
                who_en(who),
                gender_word(Lang::En, gender),
                action.id()
            ),
            Lang::Zh => format!(
                "（{}，{}，信用分 {credit}）想{}，被规则拒绝",
                who_zh(who),
                gender_word(Lang::Zh, gender),
                act_in_zh(action, c)
            ),
        },
    }
}

fn who_en(who: Who) -> &'static str {
    if who.converted {
        "an ordinary user turned solicitor"
    } else {
        who.archetype.id()
    }
}

fn who_zh(who: Who) -> &'static str {
    if who.converted {
        "转做招揽的普通用户"
    } else {
        archetype_zh(who.archetype)
    }
}

// The Chinese nouns below are the interface's: an exemplar names people as the panels do.

/// An archetype's Chinese name, as the interface shows it ("招揽者"); `src/locale.rs` reads it from here.
pub fn archetype_zh(a: Archetype) -> &'static str {
    match a {
        Archetype::Honest => "诚实成员",
        Archetype::Lurker => "潜水者",
        Archetype::Solicitor => "招揽者",
        Archetype::GenerousTipper => "慷慨打赏者",
        Archetype::IdentityFaker => "身份伪造者",
        Archetype::Scammer => "骗子",
        Archetype::ScoreFarmer => "刷分者",
        Archetype::Harasser => "骚扰者",
        Archetype::SybilRing => "女巫打赏团伙",
        Archetype::Launderer => "洗钱者",
        Archetype::BanEvader => "封禁规避者",
    }
}

fn identity_zh(i: Identity) -> &'static str {
    match i {
        Identity::Student => "学生",
        Identity::WhiteCollar => "白领",
        Identity::Overseas => "海外人士",
        Identity::Other => "其他身份",
    }
}

/// Doing `a` in circle `c`: "加入「Campus Diary」", "在「Campus Diary」发帖".
fn act_in_zh(a: Action, c: &str) -> String {
    let verb = match a {
        Action::Join => return format!("加入「{c}」"),
        Action::Post => "发帖",
        Action::Comment => "评论",
        Action::Praise => "点赞",
        Action::Tip => "打赏",
        Action::Message => "私信作者",
    };
    format!("在「{c}」{verb}")
}
