//! Closed vocabularies: stored as their SCREAMING_SNAKE_CASE name in the
//! database and exposed under the same name as GraphQL enums, so there is
//! one definition per vocabulary.

/// Declares an enum whose stored form is its GraphQL name.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(#[graphql(name = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

vocabulary!(
    /// What a user may do by role; case data needs a team responsibility on top.
    Role {
        Admin = "ADMIN",
        Operator = "OPERATOR",
        Auditor = "AUDITOR",
    }
);

vocabulary!(
    Profession {
        AssistenteSociale = "ASSISTENTE_SOCIALE",
        Infermiere = "INFERMIERE",
        Mmg = "MMG",
        MedicoSpecialista = "MEDICO_SPECIALISTA",
        Psichiatra = "PSICHIATRA",
        Psicologo = "PSICOLOGO",
        Educatore = "EDUCATORE",
        TerapistaRiabilitazione = "TERAPISTA_RIABILITAZIONE",
        OperatoreSociosanitario = "OPERATORE_SOCIOSANITARIO",
        OperatoreEts = "OPERATORE_ETS",
        Amministrativo = "AMMINISTRATIVO",
        Altro = "ALTRO",
    }
);

vocabulary!(
    OrganizationKind {
        Asl = "ASL",
        Asst = "ASST",
        Ats = "ATS",
        Ospedale = "OSPEDALE",
        Comune = "COMUNE",
        Ambito = "AMBITO",
        Distretto = "DISTRETTO",
        CasaDiComunita = "CASA_DI_COMUNITA",
        Ets = "ETS",
        CooperativaSociale = "COOPERATIVA_SOCIALE",
        CentroPerImpiego = "CENTRO_PER_IMPIEGO",
        Scuola = "SCUOLA",
        Altro = "ALTRO",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_name_reads_back_as_the_same_variant() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(*role));
        }
        for p in Profession::ALL {
            assert_eq!(Profession::parse(p.as_str()), Some(*p));
        }
        for k in OrganizationKind::ALL {
            assert_eq!(OrganizationKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}
