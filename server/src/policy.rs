//! The access policy: every authorization decision of Ponte is made here and
//! applied by the service functions, never only by the UI or a resolver.
//!
//! Roles: ADMIN manages users, organizations and teams but reads no case data
//! by role; AUDITOR reads only the audit trail; OPERATOR works on cases
//! through team responsibilities (added with the case-data issues).

use crate::caller::{Caller, Viewer};
use crate::enums::Role;
use crate::error::{AppError, AppResult};

pub fn require_signed_in(caller: &Caller) -> AppResult<&Viewer> {
    caller.viewer()
}

pub fn require_admin(caller: &Caller) -> AppResult<&Viewer> {
    let viewer = caller.viewer()?;
    if viewer.role == Role::Admin {
        Ok(viewer)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Organization names and kinds are directory data every signed-in user needs
/// (to pick a provider or a hospital), not case data.
pub fn can_list_organizations(caller: &Caller) -> AppResult<&Viewer> {
    caller.viewer()
}

pub fn can_list_users(caller: &Caller) -> AppResult<&Viewer> {
    require_admin(caller)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enums::Profession;
    use uuid::Uuid;

    fn caller(role: Option<Role>) -> Caller {
        Caller {
            viewer: role.map(|role| Viewer {
                user_id: Uuid::now_v7(),
                role,
                profession: Profession::Altro,
                organization_id: None,
            }),
            ..Caller::default()
        }
    }

    #[test]
    fn only_admins_pass_the_admin_check() {
        assert!(require_admin(&caller(Some(Role::Admin))).is_ok());
        assert!(matches!(
            require_admin(&caller(Some(Role::Operator))),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            require_admin(&caller(Some(Role::Auditor))),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            require_admin(&caller(None)),
            Err(AppError::Unauthenticated)
        ));
    }

    #[test]
    fn anyone_signed_in_may_list_organizations() {
        for role in Role::ALL {
            assert!(can_list_organizations(&caller(Some(*role))).is_ok());
        }
        assert!(can_list_organizations(&caller(None)).is_err());
    }
}
