//! The people the in-process scenarios need, made through the API as an
//! administrator would: a team of signed-in operators, and fictional persons
//! numbered so that each has a codice fiscale of its own.

use ponte_tests::serde_json::Value;
use ponte_tests::world::person_input;
use ponte_tests::{Client, TestApp};

/// A team and its operators, each signed in with a client of their own.
pub struct Crew {
    pub admin: Client,
    pub organization_id: String,
    pub team_id: String,
    /// Each member's client, user id and email.
    pub members: Vec<Member>,
}

pub struct Member {
    pub client: Client,
    pub id: String,
    pub email: String,
}

impl Crew {
    /// A team of `kind` in an ASST, with `size` operators in it.
    pub async fn gather(app: &TestApp, kind: &str, size: usize) -> Crew {
        let admin = app.admin().await;
        let organization_id = app
            .organization(&admin, "ASST della Valcamonica", "ASST")
            .await;
        let team_id = app
            .team(&admin, "Équipe sotto carico", kind, &organization_id)
            .await;
        let mut members = Vec::with_capacity(size);
        for _ in 0..size {
            let email = format!("op{}@asst.test", uuid::Uuid::now_v7().simple());
            let (client, id) = app.operator(&email).await;
            app.add_member(&admin, &team_id, &id, "MEMBER").await;
            members.push(Member { client, id, email });
        }
        Crew {
            admin,
            organization_id,
            team_id,
            members,
        }
    }
}

/// The identity of fictional person number `n` in `team_id`'s care: a
/// birth date of its own, hence a codice fiscale of its own (up to 10,000).
pub fn numbered_person(team_id: &str, n: usize) -> Value {
    let year = 1930 + (n / 336) as i32;
    let month = (n / 28 % 12 + 1) as u32;
    let day = (n % 28 + 1) as u32;
    person_input(team_id, "Bettoni", "Carla", (year, month, day), "F")
}
