//! The GraphQL side of Ponte's vocabularies: one mirror enum per
//! `domain::vocabulary` enum, declared from the same list
//! (`ponte_domain::with_vocabularies!`) with the conversions both ways, so a
//! value cannot exist on one side only. Resolvers convert with `.into()` at
//! the boundary; services and storage see only the domain enums.
//!
//! A value renamed in the API keeps its former spelling as a deprecated
//! GraphQL value that is accepted on input and never returned.

macro_rules! graphql_mirrors {
    ($(
        $(#[$meta:meta])*
        $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal $((formerly $old:ident = $oldtext:literal))?),+ $(,)?
        }
    )+) => {$(
        $(#[$meta])*
        #[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $(
                $(#[$vmeta])* #[graphql(name = $text)] $variant,
                $(
                    #[graphql(
                        name = $oldtext,
                        deprecation = "Former spelling, accepted on input for one release: use the current value"
                    )]
                    $old,
                )?
            )+
        }

        impl From<$name> for crate::domain::vocabulary::$name {
            fn from(value: $name) -> Self {
                match value {
                    $(
                        $name::$variant => Self::$variant,
                        $($name::$old => Self::$variant,)?
                    )+
                }
            }
        }

        impl From<crate::domain::vocabulary::$name> for $name {
            fn from(value: crate::domain::vocabulary::$name) -> Self {
                match value {
                    $(crate::domain::vocabulary::$name::$variant => Self::$variant,)+
                }
            }
        }
    )+};
}

ponte_domain::with_vocabularies!(graphql_mirrors);

/// Converts a list at the boundary (`Vec<graphql enum>` ⇄ `Vec<domain enum>`).
pub fn each<A: Into<B>, B>(values: Vec<A>) -> Vec<B> {
    values.into_iter().map(Into::into).collect()
}

#[cfg(test)]
mod tests {
    use async_graphql::{InputType, Name, Value};

    use crate::domain::vocabulary::Vocabulary;

    /// The schema's name of every value is its stored text, and the former
    /// spellings read as the current value.
    fn same_names<G, D>()
    where
        G: InputType + Into<D> + From<D> + Copy,
        D: Vocabulary,
    {
        for value in D::ALL {
            let mirror = G::from(*value);
            assert_eq!(
                mirror.to_value(),
                Value::Enum(Name::new(value.as_str())),
                "{}",
                D::NAME
            );
            let back: D = mirror.into();
            assert_eq!(back, *value);
        }
    }

    macro_rules! check_all {
        ($($(#[$meta:meta])* $name:ident { $($tail:tt)* })+) => {
            $(same_names::<super::$name, crate::domain::vocabulary::$name>();)+
        };
    }

    #[test]
    fn every_graphql_value_is_named_as_stored() {
        ponte_domain::with_vocabularies!(check_all);
    }

    #[test]
    fn the_former_spelling_reads_as_the_current_value() {
        use crate::domain::vocabulary as domain;
        let read = |text: &str| {
            <super::OrganizationKind as InputType>::parse(Some(Value::Enum(Name::new(text))))
                .map(domain::OrganizationKind::from)
                .ok()
        };
        assert_eq!(read("ALTRO"), Some(domain::OrganizationKind::Other));
        assert_eq!(read("OTHER"), Some(domain::OrganizationKind::Other));
        let source =
            <super::ReferralSource as InputType>::parse(Some(Value::Enum(Name::new("SELF"))))
                .map(domain::ReferralSource::from)
                .ok();
        assert_eq!(source, Some(domain::ReferralSource::SelfReferral));
    }
}
