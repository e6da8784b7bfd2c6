//! Who must agree to a Budget di Salute. The budget is a pact: it is agreed
//! only when the person (or whoever represents them: a guardian, an
//! amministratore di sostegno, recorded as the person's party) and every
//! organization that puts a line in it have agreed to the plan as it stands.
//! A change to the plan ends every agreement given to it.

use std::collections::BTreeSet;

use crate::vocabulary::BudgetAgreementStatus;

/// A party whose agreement the budget needs. `Org` is how the caller names
/// an organization (an id).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Party<Org> {
    /// The person, or their legal representative.
    Person,
    Organization(Org),
}

/// The parties that have not agreed to the plan as it stands: the person
/// first, then the providers in `Org`'s order. `providers` are the
/// organizations with a line in the budget (repeats allowed); `agreed` the
/// parties of the agreements that still hold. A family's agreement is
/// welcome but stands for nobody else.
pub fn missing_parties<Org: Ord + Clone>(
    providers: impl IntoIterator<Item = Org>,
    agreed: impl IntoIterator<Item = Party<Org>>,
) -> Vec<Party<Org>> {
    let agreed: BTreeSet<Party<Org>> = agreed.into_iter().collect();
    let needed: BTreeSet<Party<Org>> = std::iter::once(Party::Person)
        .chain(providers.into_iter().map(Party::Organization))
        .collect();
    needed.difference(&agreed).cloned().collect()
}

impl BudgetAgreementStatus {
    /// The Italian words the screens show for the status (the SPA's
    /// `budgetAgreementStatusLabels`, compared with these by
    /// `frontend/src/i18n/history.test.ts`): the history says the same.
    pub fn label_it(self) -> &'static str {
        match self {
            BudgetAgreementStatus::None => "Non ancora condiviso",
            BudgetAgreementStatus::PartiallyAgreed => "Condiviso in parte",
            BudgetAgreementStatus::Agreed => "Condiviso da tutte le parti",
            BudgetAgreementStatus::ToRenew => "Da ricondividere dopo le modifiche",
        }
    }
}

/// The status once a party has agreed.
pub fn after_agreement<T>(missing: &[T]) -> BudgetAgreementStatus {
    if missing.is_empty() {
        BudgetAgreementStatus::Agreed
    } else {
        BudgetAgreementStatus::PartiallyAgreed
    }
}

/// The status once the plan changed: any agreement given sends it back to
/// every party.
pub fn after_change(status: BudgetAgreementStatus) -> BudgetAgreementStatus {
    match status {
        BudgetAgreementStatus::Agreed | BudgetAgreementStatus::PartiallyAgreed => {
            BudgetAgreementStatus::ToRenew
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BudgetAgreementStatus::*;

    #[test]
    fn the_person_and_every_provider_must_agree() {
        let missing = missing_parties(["coop", "comune", "coop"], []);
        assert_eq!(
            missing,
            vec![
                Party::Person,
                Party::Organization("comune"),
                Party::Organization("coop")
            ]
        );
        assert_eq!(after_agreement(&missing), PartiallyAgreed);
        let missing = missing_parties(
            ["coop", "comune"],
            [Party::Organization("coop"), Party::Person],
        );
        assert_eq!(missing, vec![Party::Organization("comune")]);
        let missing = missing_parties(
            ["coop", "comune"],
            [
                Party::Organization("comune"),
                Party::Organization("coop"),
                Party::Person,
                Party::Organization("asst"),
            ],
        );
        assert!(missing.is_empty());
        assert_eq!(after_agreement(&missing), Agreed);
    }

    #[test]
    fn a_budget_without_providers_needs_the_person_alone() {
        assert_eq!(missing_parties(Vec::<&str>::new(), []), vec![Party::Person]);
        assert!(missing_parties(Vec::<&str>::new(), [Party::Person]).is_empty());
    }

    #[test]
    fn a_change_sends_any_agreement_back_to_every_party() {
        assert_eq!(after_change(Agreed), ToRenew);
        assert_eq!(after_change(PartiallyAgreed), ToRenew);
        assert_eq!(after_change(None), None);
        assert_eq!(after_change(ToRenew), ToRenew);
    }
}
