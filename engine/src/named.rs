//! Enum ids from one place: the `named!` table gives an enum its `ALL`, `id` and `from_id`, and the [`Named`] trait lets code be generic over them.
//!
//! **Invariant:** an id is the value's serde name, so a share link, a JSON file, a CSS class and a
//! `<select>` value all say the same word; the tests below compare every id with `serde_json`.

/// An enum whose values have stable snake_case ids (the same as their serde names).
pub trait Named: Sized + Copy + PartialEq + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];

    /// The value's id, e.g. `document_checked`.
    fn id(self) -> &'static str;

    /// The value with this id, or `None` when no value has it.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.id() == id)
    }
}

/// Gives an enum `ALL`, `id()` and `from_id()` (inherent, so callers need no import) and implements [`Named`].
///
/// `named!(Gender { Female => "female", Male => "male" });` — list every variant once, with its serde name.
macro_rules! named {
    ($ty:ident { $($variant:ident => $id:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: [$ty; [$($id),+].len()] = [$($ty::$variant),+];

            /// The snake_case id, the same as the serde name used in JSON, links and tables.
            pub fn id(self) -> &'static str {
                match self {
                    $($ty::$variant => $id,)+
                }
            }

            /// The value with this id, or `None` when no value has it.
            pub fn from_id(id: &str) -> Option<$ty> {
                match id {
                    $($id => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }

        impl $crate::named::Named for $ty {
            const ALL: &'static [Self] = &$ty::ALL;

            fn id(self) -> &'static str {
                $ty::id(self)
            }

            fn from_id(id: &str) -> Option<Self> {
                $ty::from_id(id)
            }
        }
    };
}
pub(crate) use named;

#[cfg(test)]
mod tests {
    use super::Named;
    use crate::report::{Level, PatternId, ScoreBand};
    use crate::scenario::{
        Action, Archetype, BanReturn, Condition, ContactPolicy, Gender, Identity, Ranking, SanctionKind,
        VerificationLevel,
    };

    /// Every id is the serde name, ids are distinct, and `from_id` inverts `id`.
    fn ids_are_serde_names<T: Named + serde::Serialize + std::fmt::Debug>() {
        for (i, v) in T::ALL.iter().enumerate() {
            let serde_name = serde_json::to_string(v).unwrap_or_default();
            assert_eq!(format!("\"{}\"", v.id()), serde_name, "{v:?}");
            assert_eq!(T::from_id(v.id()), Some(*v));
            assert!(T::ALL.iter().skip(i + 1).all(|w| w.id() != v.id()), "{v:?}");
        }
        assert_eq!(T::from_id("no_such_id"), None);
    }

    #[test]
    fn gender_ids_are_serde_names() {
        ids_are_serde_names::<Gender>();
    }

    #[test]
    fn identity_ids_are_serde_names() {
        ids_are_serde_names::<Identity>();
    }

    #[test]
    fn verification_level_ids_are_serde_names() {
        ids_are_serde_names::<VerificationLevel>();
    }

    #[test]
    fn archetype_ids_are_serde_names() {
        ids_are_serde_names::<Archetype>();
    }

    #[test]
    fn ban_return_ids_are_serde_names() {
        ids_are_serde_names::<BanReturn>();
    }

    #[test]
    fn action_ids_are_serde_names() {
        ids_are_serde_names::<Action>();
    }

    #[test]
    fn ranking_ids_are_serde_names() {
        ids_are_serde_names::<Ranking>();
    }

    #[test]
    fn contact_policy_ids_are_serde_names() {
        ids_are_serde_names::<ContactPolicy>();
    }

    #[test]
    fn sanction_kind_ids_are_serde_names() {
        ids_are_serde_names::<SanctionKind>();
    }

    #[test]
    fn pattern_ids_are_serde_names() {
        ids_are_serde_names::<PatternId>();
    }

    #[test]
    fn level_ids_are_serde_names() {
        ids_are_serde_names::<Level>();
    }

    #[test]
    fn condition_kinds_are_json_keys() {
        for (i, c) in Condition::KINDS.iter().enumerate() {
            let v = serde_json::to_value(c).unwrap_or_default();
            let keys: Vec<&String> = v.as_object().map(|o| o.keys().collect()).unwrap_or_default();
            assert_eq!(keys, [c.kind()], "{c:?}");
            assert_eq!(Condition::of_kind(c.kind()).as_ref(), Some(c));
            assert!(
                Condition::KINDS.iter().skip(i + 1).all(|d| d.kind() != c.kind()),
                "{c:?}"
            );
        }
        assert_eq!(Condition::of_kind("nonsense"), None);
    }

    #[test]
    fn score_band_ids_are_serde_names() {
        ids_are_serde_names::<ScoreBand>();
    }
}
