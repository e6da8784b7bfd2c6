//! Building blocks for tests, made through the API as a client would (only
//! the users come from the database, as the first admin does from the CLI).

use ponte_server::domain::fiscal_code::encode;
use ponte_server::domain::vocabulary::Role;
use ponte_server::domain::vocabulary::Sex;
use serde_json::{json, Value};

use crate::smtp::SmtpServer;
use crate::{Client, TestApp, TestDb, PASSWORD};

pub const CREATE_PERSON: &str = "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id version fiscalCode givenName familyName age referrals { id status team { id } } } }";

/// A fictional person's identity with a codice fiscale that agrees with it.
pub fn person_input(
    team_id: &str,
    family: &str,
    given: &str,
    birth: (i32, u32, u32),
    sex: &str,
) -> Value {
    let encoded_sex = if sex == "F" { Sex::F } else { Sex::M };
    let code = encode(
        family,
        given,
        birth.0,
        birth.1,
        birth.2,
        encoded_sex,
        "B149",
    )
    .expect("valid test identity");
    json!({
        "teamId": team_id,
        "givenName": given,
        "familyName": family,
        "birthDate": format!("{:04}-{:02}-{:02}", birth.0, birth.1, birth.2),
        "sex": sex,
        "fiscalCode": code.as_str(),
        "residence": "Via Roma 1, Breno",
        "targetGroups": ["NON_AUTOSUFFICIENTE"],
    })
}

pub fn fiscal_code_of(input: &Value) -> String {
    input["fiscalCode"].as_str().unwrap_or_default().to_owned()
}

impl TestApp {
    /// An app that mails through a test server of its own, with the worker
    /// off: the test sends with `worker_round` when it means to. The server
    /// stops when it is dropped.
    pub async fn spawn_mailing_by_hand(db: TestDb) -> (SmtpServer, TestApp) {
        let smtp = SmtpServer::start().await;
        let url = smtp.url();
        let app = TestApp::spawn_with(db, |c| {
            c.smtp_url = Some(url);
            c.worker_enabled = false;
        })
        .await;
        (smtp, app)
    }

    /// The ASST della Valcamonica, where most cases are followed; its id.
    pub async fn asst(&self, admin: &Client) -> String {
        self.organization(admin, "ASST della Valcamonica", "ASST")
            .await
    }

    /// The ATS della Montagna and the ASST della Valcamonica under it: their
    /// ids.
    pub async fn ats_and_its_asst(&self, admin: &Client) -> (String, String) {
        let ats = self.organization(admin, "ATS della Montagna", "ATS").await;
        let asst = self
            .organization_under(admin, "ASST della Valcamonica", "ASST", &ats)
            .await;
        (ats, asst)
    }

    /// The Ospedale di Esine and its ward's operator, signed in: the
    /// hospital's id, the ward's session and user id.
    pub async fn hospital_and_ward(&self, admin: &Client) -> (String, Client, String) {
        let hospital = self
            .organization(admin, "Ospedale di Esine", "OSPEDALE")
            .await;
        let (ward, ward_id) = self.operator_of("reparto@ospedale.test", &hospital).await;
        (hospital, ward, ward_id)
    }

    pub async fn organization(&self, admin: &Client, name: &str, kind: &str) -> String {
        self.create_organization(admin, json!({ "name": name, "kind": kind }))
            .await
    }

    /// An organization under `parent_id` in the territory; returns the id.
    pub async fn organization_under(
        &self,
        admin: &Client,
        name: &str,
        kind: &str,
        parent_id: &str,
    ) -> String {
        self.create_organization(
            admin,
            json!({ "name": name, "kind": kind, "parentId": parent_id }),
        )
        .await
    }

    async fn create_organization(&self, admin: &Client, input: Value) -> String {
        let created = admin
            .gql(
                "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }",
                json!({ "input": input }),
            )
            .await;
        created.ok()["createOrganization"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn team(
        &self,
        admin: &Client,
        name: &str,
        kind: &str,
        organization_id: &str,
    ) -> String {
        let created = admin
            .gql(
                "mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }",
                json!({ "input": { "name": name, "kind": kind, "organizationId": organization_id } }),
            )
            .await;
        created.ok()["createTeam"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn add_member(&self, admin: &Client, team_id: &str, user_id: &str, role: &str) {
        admin
            .gql(
                "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }",
                json!({ "input": { "teamId": team_id, "userId": user_id, "teamRole": role } }),
            )
            .await
            .ok();
    }

    pub async fn remove_member(&self, admin: &Client, team_id: &str, user_id: &str) {
        admin
            .gql(
                "mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }",
                json!({ "input": { "teamId": team_id, "userId": user_id } }),
            )
            .await
            .ok();
    }

    /// A signed-in user of `role` and their user id.
    pub async fn signed_in(&self, email: &str, role: Role) -> (Client, String) {
        let id = self.make_user(email, role, None).await;
        let client = self.client();
        client.login_ok(email, PASSWORD).await;
        (client, id)
    }

    /// A signed-in operator and their user id.
    pub async fn operator(&self, email: &str) -> (Client, String) {
        self.signed_in(email, Role::Operator).await
    }

    /// A signed-in REPORTER who reads the indicators of `territory` (and of
    /// what lies under it), and their user id.
    pub async fn reporter_of(
        &self,
        admin: &Client,
        email: &str,
        territory: &str,
    ) -> (Client, String) {
        let (reporter, id) = self.signed_in(email, Role::Reporter).await;
        give_territory(admin, &id, territory).await;
        (reporter, id)
    }

    /// A signed-in operator employed by `organization_id` (a hospital's
    /// ward staff, say) and their user id.
    pub async fn operator_of(&self, email: &str, organization_id: &str) -> (Client, String) {
        let organization = organization_id.parse().expect("an organization id");
        let id = self
            .make_user(email, Role::Operator, Some(organization))
            .await;
        let client = self.client();
        client.login_ok(email, PASSWORD).await;
        (client, id)
    }

    /// A nurse (not signed in) in `team_id`: the health participant a UVM
    /// needs beside its social worker to sign an assessment. Returns the id.
    pub async fn nurse_in(&self, admin: &Client, team_id: &str) -> String {
        let email = format!("inf{}@asst.test", uuid::Uuid::now_v7().simple());
        let id = self.make_user(&email, Role::Operator, None).await;
        self.db_set_profession(&id, "INFERMIERE").await;
        self.add_member(admin, team_id, &id, "MEMBER").await;
        id
    }

    /// Creates a person in `team_id`'s care through `client`; returns the id.
    pub async fn person(&self, client: &Client, input: Value) -> String {
        create_person(client, input).await
    }
}

async fn create_person(client: &Client, input: Value) -> String {
    let created = client.gql(CREATE_PERSON, json!({ "input": input })).await;
    created.ok()["createPerson"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Makes `territory` the one whose indicators the REPORTER `user_id` reads.
pub async fn give_territory(admin: &Client, user_id: &str, territory: &str) {
    admin
        .gql(
            "mutation($input: SetUserTerritoriesInput!) { setUserTerritories(input: $input) { id } }",
            json!({ "input": { "userId": user_id, "organizationIds": [territory] } }),
        )
        .await
        .ok();
}

/// A PUA desk that receives the discharges the ward of the Ospedale di
/// Esine reports, and whose operator also sits in the UVM Breno, beside the
/// UVM's nurse, to assess the patients: the protected discharge's protocol.
pub struct ProtectedDischarges {
    pub desk: Desk,
    pub uvm: String,
    /// The UVM's health participant, beside the desk's social worker.
    pub nurse_id: String,
    pub hospital: String,
    pub ward: Client,
    pub ward_id: String,
}

impl ProtectedDischarges {
    pub async fn open(app: &TestApp) -> ProtectedDischarges {
        let desk = Desk::open(app, "PUA").await;
        let uvm = app
            .team(&desk.admin, "UVM Breno", "UVM", &desk.organization_id)
            .await;
        app.add_member(&desk.admin, &uvm, &desk.operator_id, "MEMBER")
            .await;
        let nurse_id = app.nurse_in(&desk.admin, &uvm).await;
        let (hospital, ward, ward_id) = app.hospital_and_ward(&desk.admin).await;
        ProtectedDischarges {
            desk,
            uvm,
            nurse_id,
            hospital,
            ward,
            ward_id,
        }
    }

    /// The person a discharge was matched to, as the desk sees it.
    pub async fn person_of(&self, discharge: &str) -> String {
        let seen = self
            .desk
            .operator
            .gql(
                "query($id: ID!) { discharge(id: $id) { person { id } } }",
                json!({ "id": discharge }),
            )
            .await;
        seen.ok()["discharge"]["person"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// The UVM's joint assessment of the discharge's person in hospital,
    /// made on `date` and recommending `setting`; unsigned, its id.
    pub async fn record_assessment(&self, discharge: &str, date: &str, setting: &str) -> String {
        let person = self.person_of(discharge).await;
        let input = json!({
            "personId": person, "teamId": self.uvm, "dischargeId": discharge,
            "participantIds": [self.desk.operator_id, self.nurse_id], "date": date,
            "setting": "OSPEDALE", "reason": "PROTECTED_DISCHARGE", "needLevel": "HIGH",
            "recommendedSetting": setting
        });
        record_assessment(&self.desk.operator, input).await
    }
}

/// Records, through `client`, the assessment `input` describes; its id.
pub async fn record_assessment(client: &Client, input: Value) -> String {
    let recorded = client
        .gql(
            "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }",
            json!({ "input": input }),
        )
        .await;
    recorded.ok()["recordAssessment"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// One team with one operator in it, as most tests need.
pub struct Desk {
    pub admin: Client,
    pub organization_id: String,
    pub team_id: String,
    pub operator: Client,
    pub operator_id: String,
}

impl Desk {
    /// The id of the desk's administrator.
    pub async fn admin_id(&self) -> String {
        self.admin.me().await["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// A person the desk's operator takes into the team's care, with the
    /// identity `person_input` makes of these; the id.
    pub async fn person(
        &self,
        family: &str,
        given: &str,
        birth: (i32, u32, u32),
        sex: &str,
    ) -> String {
        let input = person_input(&self.team_id, family, given, birth, sex);
        create_person(&self.operator, input).await
    }

    pub async fn open(app: &TestApp, team_kind: &str) -> Desk {
        let admin = app.admin().await;
        let organization_id = app.asst(&admin).await;
        let team_id = app
            .team(&admin, "Équipe di prova", team_kind, &organization_id)
            .await;
        let email = format!("op{}@asst.test", uuid::Uuid::now_v7().simple());
        let (operator, operator_id) = app.operator(&email).await;
        app.add_member(&admin, &team_id, &operator_id, "MEMBER")
            .await;
        Desk {
            admin,
            organization_id,
            team_id,
            operator,
            operator_id,
        }
    }
}

/// The way of a protected discharge: the ward of the Ospedale di Esine
/// reports it to the PUA of the ASST, both set up by the administrator.
pub struct DischargeRoute {
    pub admin: Client,
    pub asst: String,
    pub hospital: String,
    pub pua: String,
    /// Signed in, employed by the hospital.
    pub ward: Client,
}

impl DischargeRoute {
    pub async fn open(app: &TestApp) -> DischargeRoute {
        let admin = app.admin().await;
        let asst = app.asst(&admin).await;
        let pua = app.team(&admin, "PUA Breno", "PUA", &asst).await;
        let (hospital, ward, _) = app.hospital_and_ward(&admin).await;
        DischargeRoute {
            admin,
            asst,
            hospital,
            pua,
            ward,
        }
    }
}
