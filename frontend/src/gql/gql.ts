/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      kind\n      fiscalCode\n      createdAt\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.OrganizationChoicesDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query AdminOrganizations($first: Int!, $after: String, $kind: OrganizationKind) {\n    organizations(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        fiscalCode\n        createdAt\n      }\n    }\n  }\n": typeof types.AdminOrganizationsDocument,
    "\n  query AdminTeam($id: ID!, $includeFormer: Boolean!) {\n    team(id: $id) {\n      id\n      name\n      kind\n      createdAt\n      organization {\n        id\n        name\n        kind\n      }\n      members(includeFormer: $includeFormer) {\n        teamRole\n        startedOn\n        endedOn\n        active\n        user {\n          id\n          displayName\n          email\n          profession\n        }\n      }\n    }\n  }\n": typeof types.AdminTeamDocument,
    "\n  query UserChoices($search: String) {\n    users(first: 20, search: $search) {\n      nodes {\n        id\n        displayName\n        email\n        active\n      }\n    }\n  }\n": typeof types.UserChoicesDocument,
    "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) {\n      id\n    }\n  }\n": typeof types.AddTeamMemberDocument,
    "\n  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      id\n    }\n  }\n": typeof types.RemoveTeamMemberDocument,
    "\n  query AdminTeams($first: Int!, $after: String, $kind: TeamKind) {\n    teams(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        organization {\n          id\n          name\n        }\n        members {\n          active\n        }\n      }\n    }\n  }\n": typeof types.AdminTeamsDocument,
    "\n  query AdminUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        version\n        email\n        displayName\n        role\n        profession\n        active\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation SetUserActive($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      active\n    }\n  }\n": typeof types.SetUserActiveDocument,
    "\n  query AssessmentDetail($id: ID!) {\n    assessment(id: $id) {\n      id\n      version\n      date\n      setting\n      reason\n      needLevel\n      recommendedSetting\n      notes\n      createdAt\n      signedAt\n      amended\n      amendmentReason\n      isLatest\n      person {\n        id\n        givenName\n        familyName\n      }\n      team {\n        id\n        name\n      }\n      loggedBy {\n        id\n        displayName\n      }\n      signedBy {\n        id\n        displayName\n      }\n      participants {\n        profession\n        user {\n          id\n          displayName\n        }\n      }\n      results {\n        instrument\n        score\n        education\n        band {\n          code\n          label\n        }\n        answers {\n          item\n          value\n        }\n      }\n      socialDomains {\n        domain\n        level\n        note\n      }\n      amends {\n        id\n        date\n        signedAt\n        createdAt\n      }\n      amendments {\n        id\n        date\n        createdAt\n        amendmentReason\n        loggedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.AssessmentDetailDocument,
    "\n  mutation SignAssessment($input: SignAssessmentInput!) {\n    signAssessment(input: $input) {\n      id\n      version\n      signedAt\n      signedBy {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.SignAssessmentDocument,
    "\n  mutation AmendAssessment($input: AmendAssessmentInput!) {\n    amendAssessment(input: $input) {\n      id\n    }\n  }\n": typeof types.AmendAssessmentDocument,
    "\n  query AssessedPerson($id: ID!) {\n    person(id: $id) {\n      id\n      givenName\n      familyName\n    }\n  }\n": typeof types.AssessedPersonDocument,
    "\n  mutation RecordAssessment($input: RecordAssessmentInput!) {\n    recordAssessment(input: $input) {\n      id\n    }\n  }\n": typeof types.RecordAssessmentDocument,
    "\n  fragment InstrumentDefinitionFields on InstrumentDefinition {\n    code\n    name\n    description\n    minScore\n    maxScore\n    higherIsBetter\n    usesEducation\n    items {\n      code\n      label\n      options {\n        value\n        label\n        points\n      }\n    }\n    bands {\n      code\n      label\n      min\n      max\n    }\n  }\n": typeof types.InstrumentDefinitionFieldsFragmentDoc,
    "\n  query Instruments {\n    instruments {\n      ...InstrumentDefinitionFields\n    }\n  }\n": typeof types.InstrumentsDocument,
    "\n  fragment AssessingTeamFields on Team {\n    id\n    name\n    kind\n    members {\n      active\n      user {\n        id\n        displayName\n        profession\n        active\n      }\n    }\n  }\n": typeof types.AssessingTeamFieldsFragmentDoc,
    "\n  query AssessingTeams {\n    teams(mine: true, first: 100) {\n      nodes {\n        ...AssessingTeamFields\n      }\n    }\n  }\n": typeof types.AssessingTeamsDocument,
    "\n  query AssessmentTeam($id: ID!) {\n    team(id: $id) {\n      ...AssessingTeamFields\n    }\n  }\n": typeof types.AssessmentTeamDocument,
    "\n  query TeamOpenReferrals($id: ID!, $first: Int!) {\n    team(id: $id) {\n      id\n      referrals(status: OPEN, first: $first) {\n        totalCount\n        nodes {\n          id\n          urgency\n          reason\n          createdAt\n          person {\n            id\n            givenName\n            familyName\n          }\n        }\n      }\n    }\n  }\n": typeof types.TeamOpenReferralsDocument,
    "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      id\n      status\n      acceptedAt\n    }\n  }\n": typeof types.AcceptReferralDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...ViewerFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query PersonAssessments($id: ID!, $first: Int!, $after: String) {\n    person(id: $id) {\n      id\n      assessments(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          date\n          signedAt\n          amended\n          needLevel\n          team {\n            id\n            name\n          }\n          results {\n            instrument\n            score\n            band {\n              code\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PersonAssessmentsDocument,
    "\n  query ScoreSeries($id: ID!, $instrument: Instrument!) {\n    person(id: $id) {\n      id\n      scoreSeries(instrument: $instrument) {\n        date\n        score\n        band\n      }\n    }\n  }\n": typeof types.ScoreSeriesDocument,
    "\n  query PersonRecord($id: ID!) {\n    person(id: $id) {\n      id\n      version\n      fiscalCode\n      fiscalCodeMissingReason\n      alternativeCode\n      givenName\n      familyName\n      birthDate\n      birthPlace\n      sex\n      residence\n      homeless\n      domicile\n      phone\n      email\n      language\n      targetGroups\n      age\n      teams {\n        id\n        name\n        kind\n      }\n      referencePersons {\n        id\n        kind\n        fullName\n        relationship\n        phone\n        email\n        notes\n      }\n      privacyConsents {\n        id\n        kind\n        granted\n        givenOn\n        recordedAt\n        recordedBy {\n          id\n          displayName\n        }\n      }\n      referrals {\n        id\n        source\n        reason\n        urgency\n        status\n        createdAt\n        acceptedAt\n        closedAt\n        outcome\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PersonRecordDocument,
    "\n  mutation RecordPrivacyConsent($input: RecordPrivacyConsentInput!) {\n    recordPrivacyConsent(input: $input) {\n      id\n      privacyConsents {\n        id\n        kind\n        granted\n        givenOn\n        recordedAt\n        recordedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.RecordPrivacyConsentDocument,
    "\n  mutation AddReferencePerson($input: AddReferencePersonInput!) {\n    addReferencePerson(input: $input) {\n      id\n      referencePersons {\n        id\n        kind\n        fullName\n        relationship\n        phone\n        email\n        notes\n      }\n    }\n  }\n": typeof types.AddReferencePersonDocument,
    "\n  query MyTeams {\n    teams(mine: true, first: 100) {\n      nodes {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.MyTeamsDocument,
    "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      givenName\n      familyName\n    }\n  }\n": typeof types.CreatePersonDocument,
    "\n  query Persons($first: Int!, $after: String, $search: String) {\n    persons(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        givenName\n        familyName\n        fiscalCode\n        fiscalCodeMissingReason\n        birthDate\n        age\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PersonsDocument,
    "\n  fragment ViewerFields on User {\n    id\n    email\n    displayName\n    role\n    profession\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
};
const documents: Documents = {
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      kind\n      fiscalCode\n      createdAt\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      kind\n    }\n  }\n": types.CreateTeamDocument,
    "\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.OrganizationChoicesDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n    }\n  }\n": types.CreateUserDocument,
    "\n  query AdminOrganizations($first: Int!, $after: String, $kind: OrganizationKind) {\n    organizations(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        fiscalCode\n        createdAt\n      }\n    }\n  }\n": types.AdminOrganizationsDocument,
    "\n  query AdminTeam($id: ID!, $includeFormer: Boolean!) {\n    team(id: $id) {\n      id\n      name\n      kind\n      createdAt\n      organization {\n        id\n        name\n        kind\n      }\n      members(includeFormer: $includeFormer) {\n        teamRole\n        startedOn\n        endedOn\n        active\n        user {\n          id\n          displayName\n          email\n          profession\n        }\n      }\n    }\n  }\n": types.AdminTeamDocument,
    "\n  query UserChoices($search: String) {\n    users(first: 20, search: $search) {\n      nodes {\n        id\n        displayName\n        email\n        active\n      }\n    }\n  }\n": types.UserChoicesDocument,
    "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) {\n      id\n    }\n  }\n": types.AddTeamMemberDocument,
    "\n  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      id\n    }\n  }\n": types.RemoveTeamMemberDocument,
    "\n  query AdminTeams($first: Int!, $after: String, $kind: TeamKind) {\n    teams(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        organization {\n          id\n          name\n        }\n        members {\n          active\n        }\n      }\n    }\n  }\n": types.AdminTeamsDocument,
    "\n  query AdminUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        version\n        email\n        displayName\n        role\n        profession\n        active\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation SetUserActive($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      active\n    }\n  }\n": types.SetUserActiveDocument,
    "\n  query AssessmentDetail($id: ID!) {\n    assessment(id: $id) {\n      id\n      version\n      date\n      setting\n      reason\n      needLevel\n      recommendedSetting\n      notes\n      createdAt\n      signedAt\n      amended\n      amendmentReason\n      isLatest\n      person {\n        id\n        givenName\n        familyName\n      }\n      team {\n        id\n        name\n      }\n      loggedBy {\n        id\n        displayName\n      }\n      signedBy {\n        id\n        displayName\n      }\n      participants {\n        profession\n        user {\n          id\n          displayName\n        }\n      }\n      results {\n        instrument\n        score\n        education\n        band {\n          code\n          label\n        }\n        answers {\n          item\n          value\n        }\n      }\n      socialDomains {\n        domain\n        level\n        note\n      }\n      amends {\n        id\n        date\n        signedAt\n        createdAt\n      }\n      amendments {\n        id\n        date\n        createdAt\n        amendmentReason\n        loggedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.AssessmentDetailDocument,
    "\n  mutation SignAssessment($input: SignAssessmentInput!) {\n    signAssessment(input: $input) {\n      id\n      version\n      signedAt\n      signedBy {\n        id\n        displayName\n      }\n    }\n  }\n": types.SignAssessmentDocument,
    "\n  mutation AmendAssessment($input: AmendAssessmentInput!) {\n    amendAssessment(input: $input) {\n      id\n    }\n  }\n": types.AmendAssessmentDocument,
    "\n  query AssessedPerson($id: ID!) {\n    person(id: $id) {\n      id\n      givenName\n      familyName\n    }\n  }\n": types.AssessedPersonDocument,
    "\n  mutation RecordAssessment($input: RecordAssessmentInput!) {\n    recordAssessment(input: $input) {\n      id\n    }\n  }\n": types.RecordAssessmentDocument,
    "\n  fragment InstrumentDefinitionFields on InstrumentDefinition {\n    code\n    name\n    description\n    minScore\n    maxScore\n    higherIsBetter\n    usesEducation\n    items {\n      code\n      label\n      options {\n        value\n        label\n        points\n      }\n    }\n    bands {\n      code\n      label\n      min\n      max\n    }\n  }\n": types.InstrumentDefinitionFieldsFragmentDoc,
    "\n  query Instruments {\n    instruments {\n      ...InstrumentDefinitionFields\n    }\n  }\n": types.InstrumentsDocument,
    "\n  fragment AssessingTeamFields on Team {\n    id\n    name\n    kind\n    members {\n      active\n      user {\n        id\n        displayName\n        profession\n        active\n      }\n    }\n  }\n": types.AssessingTeamFieldsFragmentDoc,
    "\n  query AssessingTeams {\n    teams(mine: true, first: 100) {\n      nodes {\n        ...AssessingTeamFields\n      }\n    }\n  }\n": types.AssessingTeamsDocument,
    "\n  query AssessmentTeam($id: ID!) {\n    team(id: $id) {\n      ...AssessingTeamFields\n    }\n  }\n": types.AssessmentTeamDocument,
    "\n  query TeamOpenReferrals($id: ID!, $first: Int!) {\n    team(id: $id) {\n      id\n      referrals(status: OPEN, first: $first) {\n        totalCount\n        nodes {\n          id\n          urgency\n          reason\n          createdAt\n          person {\n            id\n            givenName\n            familyName\n          }\n        }\n      }\n    }\n  }\n": types.TeamOpenReferralsDocument,
    "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      id\n      status\n      acceptedAt\n    }\n  }\n": types.AcceptReferralDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...ViewerFields\n    }\n  }\n": types.LoginDocument,
    "\n  query PersonAssessments($id: ID!, $first: Int!, $after: String) {\n    person(id: $id) {\n      id\n      assessments(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          date\n          signedAt\n          amended\n          needLevel\n          team {\n            id\n            name\n          }\n          results {\n            instrument\n            score\n            band {\n              code\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n": types.PersonAssessmentsDocument,
    "\n  query ScoreSeries($id: ID!, $instrument: Instrument!) {\n    person(id: $id) {\n      id\n      scoreSeries(instrument: $instrument) {\n        date\n        score\n        band\n      }\n    }\n  }\n": types.ScoreSeriesDocument,
    "\n  query PersonRecord($id: ID!) {\n    person(id: $id) {\n      id\n      version\n      fiscalCode\n      fiscalCodeMissingReason\n      alternativeCode\n      givenName\n      familyName\n      birthDate\n      birthPlace\n      sex\n      residence\n      homeless\n      domicile\n      phone\n      email\n      language\n      targetGroups\n      age\n      teams {\n        id\n        name\n        kind\n      }\n      referencePersons {\n        id\n        kind\n        fullName\n        relationship\n        phone\n        email\n        notes\n      }\n      privacyConsents {\n        id\n        kind\n        granted\n        givenOn\n        recordedAt\n        recordedBy {\n          id\n          displayName\n        }\n      }\n      referrals {\n        id\n        source\n        reason\n        urgency\n        status\n        createdAt\n        acceptedAt\n        closedAt\n        outcome\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PersonRecordDocument,
    "\n  mutation RecordPrivacyConsent($input: RecordPrivacyConsentInput!) {\n    recordPrivacyConsent(input: $input) {\n      id\n      privacyConsents {\n        id\n        kind\n        granted\n        givenOn\n        recordedAt\n        recordedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.RecordPrivacyConsentDocument,
    "\n  mutation AddReferencePerson($input: AddReferencePersonInput!) {\n    addReferencePerson(input: $input) {\n      id\n      referencePersons {\n        id\n        kind\n        fullName\n        relationship\n        phone\n        email\n        notes\n      }\n    }\n  }\n": types.AddReferencePersonDocument,
    "\n  query MyTeams {\n    teams(mine: true, first: 100) {\n      nodes {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.MyTeamsDocument,
    "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      givenName\n      familyName\n    }\n  }\n": types.CreatePersonDocument,
    "\n  query Persons($first: Int!, $after: String, $search: String) {\n    persons(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        givenName\n        familyName\n        fiscalCode\n        fiscalCodeMissingReason\n        birthDate\n        age\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PersonsDocument,
    "\n  fragment ViewerFields on User {\n    id\n    email\n    displayName\n    role\n    profession\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      kind\n      fiscalCode\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      kind\n      fiscalCode\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrganizations($first: Int!, $after: String, $kind: OrganizationKind) {\n    organizations(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        fiscalCode\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOrganizations($first: Int!, $after: String, $kind: OrganizationKind) {\n    organizations(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        fiscalCode\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTeam($id: ID!, $includeFormer: Boolean!) {\n    team(id: $id) {\n      id\n      name\n      kind\n      createdAt\n      organization {\n        id\n        name\n        kind\n      }\n      members(includeFormer: $includeFormer) {\n        teamRole\n        startedOn\n        endedOn\n        active\n        user {\n          id\n          displayName\n          email\n          profession\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTeam($id: ID!, $includeFormer: Boolean!) {\n    team(id: $id) {\n      id\n      name\n      kind\n      createdAt\n      organization {\n        id\n        name\n        kind\n      }\n      members(includeFormer: $includeFormer) {\n        teamRole\n        startedOn\n        endedOn\n        active\n        user {\n          id\n          displayName\n          email\n          profession\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserChoices($search: String) {\n    users(first: 20, search: $search) {\n      nodes {\n        id\n        displayName\n        email\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserChoices($search: String) {\n    users(first: 20, search: $search) {\n      nodes {\n        id\n        displayName\n        email\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddTeamMember($input: AddTeamMemberInput!) {\n    addTeamMember(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTeams($first: Int!, $after: String, $kind: TeamKind) {\n    teams(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        organization {\n          id\n          name\n        }\n        members {\n          active\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTeams($first: Int!, $after: String, $kind: TeamKind) {\n    teams(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        organization {\n          id\n          name\n        }\n        members {\n          active\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        version\n        email\n        displayName\n        role\n        profession\n        active\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        version\n        email\n        displayName\n        role\n        profession\n        active\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserActive($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserActive($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentDetail($id: ID!) {\n    assessment(id: $id) {\n      id\n      version\n      date\n      setting\n      reason\n      needLevel\n      recommendedSetting\n      notes\n      createdAt\n      signedAt\n      amended\n      amendmentReason\n      isLatest\n      person {\n        id\n        givenName\n        familyName\n      }\n      team {\n        id\n        name\n      }\n      loggedBy {\n        id\n        displayName\n      }\n      signedBy {\n        id\n        displayName\n      }\n      participants {\n        profession\n        user {\n          id\n          displayName\n        }\n      }\n      results {\n        instrument\n        score\n        education\n        band {\n          code\n          label\n        }\n        answers {\n          item\n          value\n        }\n      }\n      socialDomains {\n        domain\n        level\n        note\n      }\n      amends {\n        id\n        date\n        signedAt\n        createdAt\n      }\n      amendments {\n        id\n        date\n        createdAt\n        amendmentReason\n        loggedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssessmentDetail($id: ID!) {\n    assessment(id: $id) {\n      id\n      version\n      date\n      setting\n      reason\n      needLevel\n      recommendedSetting\n      notes\n      createdAt\n      signedAt\n      amended\n      amendmentReason\n      isLatest\n      person {\n        id\n        givenName\n        familyName\n      }\n      team {\n        id\n        name\n      }\n      loggedBy {\n        id\n        displayName\n      }\n      signedBy {\n        id\n        displayName\n      }\n      participants {\n        profession\n        user {\n          id\n          displayName\n        }\n      }\n      results {\n        instrument\n        score\n        education\n        band {\n          code\n          label\n        }\n        answers {\n          item\n          value\n        }\n      }\n      socialDomains {\n        domain\n        level\n        note\n      }\n      amends {\n        id\n        date\n        signedAt\n        createdAt\n      }\n      amendments {\n        id\n        date\n        createdAt\n        amendmentReason\n        loggedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignAssessment($input: SignAssessmentInput!) {\n    signAssessment(input: $input) {\n      id\n      version\n      signedAt\n      signedBy {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignAssessment($input: SignAssessmentInput!) {\n    signAssessment(input: $input) {\n      id\n      version\n      signedAt\n      signedBy {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AmendAssessment($input: AmendAssessmentInput!) {\n    amendAssessment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AmendAssessment($input: AmendAssessmentInput!) {\n    amendAssessment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessedPerson($id: ID!) {\n    person(id: $id) {\n      id\n      givenName\n      familyName\n    }\n  }\n"): (typeof documents)["\n  query AssessedPerson($id: ID!) {\n    person(id: $id) {\n      id\n      givenName\n      familyName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAssessment($input: RecordAssessmentInput!) {\n    recordAssessment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAssessment($input: RecordAssessmentInput!) {\n    recordAssessment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InstrumentDefinitionFields on InstrumentDefinition {\n    code\n    name\n    description\n    minScore\n    maxScore\n    higherIsBetter\n    usesEducation\n    items {\n      code\n      label\n      options {\n        value\n        label\n        points\n      }\n    }\n    bands {\n      code\n      label\n      min\n      max\n    }\n  }\n"): (typeof documents)["\n  fragment InstrumentDefinitionFields on InstrumentDefinition {\n    code\n    name\n    description\n    minScore\n    maxScore\n    higherIsBetter\n    usesEducation\n    items {\n      code\n      label\n      options {\n        value\n        label\n        points\n      }\n    }\n    bands {\n      code\n      label\n      min\n      max\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Instruments {\n    instruments {\n      ...InstrumentDefinitionFields\n    }\n  }\n"): (typeof documents)["\n  query Instruments {\n    instruments {\n      ...InstrumentDefinitionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssessingTeamFields on Team {\n    id\n    name\n    kind\n    members {\n      active\n      user {\n        id\n        displayName\n        profession\n        active\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AssessingTeamFields on Team {\n    id\n    name\n    kind\n    members {\n      active\n      user {\n        id\n        displayName\n        profession\n        active\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessingTeams {\n    teams(mine: true, first: 100) {\n      nodes {\n        ...AssessingTeamFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssessingTeams {\n    teams(mine: true, first: 100) {\n      nodes {\n        ...AssessingTeamFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentTeam($id: ID!) {\n    team(id: $id) {\n      ...AssessingTeamFields\n    }\n  }\n"): (typeof documents)["\n  query AssessmentTeam($id: ID!) {\n    team(id: $id) {\n      ...AssessingTeamFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamOpenReferrals($id: ID!, $first: Int!) {\n    team(id: $id) {\n      id\n      referrals(status: OPEN, first: $first) {\n        totalCount\n        nodes {\n          id\n          urgency\n          reason\n          createdAt\n          person {\n            id\n            givenName\n            familyName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamOpenReferrals($id: ID!, $first: Int!) {\n    team(id: $id) {\n      id\n      referrals(status: OPEN, first: $first) {\n        totalCount\n        nodes {\n          id\n          urgency\n          reason\n          createdAt\n          person {\n            id\n            givenName\n            familyName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      id\n      status\n      acceptedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptReferral($input: AcceptReferralInput!) {\n    acceptReferral(input: $input) {\n      id\n      status\n      acceptedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonAssessments($id: ID!, $first: Int!, $after: String) {\n    person(id: $id) {\n      id\n      assessments(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          date\n          signedAt\n          amended\n          needLevel\n          team {\n            id\n            name\n          }\n          results {\n            instrument\n            score\n            band {\n              code\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonAssessments($id: ID!, $first: Int!, $after: String) {\n    person(id: $id) {\n      id\n      assessments(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          date\n          signedAt\n          amended\n          needLevel\n          team {\n            id\n            name\n          }\n          results {\n            instrument\n            score\n            band {\n              code\n              label\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScoreSeries($id: ID!, $instrument: Instrument!) {\n    person(id: $id) {\n      id\n      scoreSeries(instrument: $instrument) {\n        date\n        score\n        band\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScoreSeries($id: ID!, $instrument: Instrument!) {\n    person(id: $id) {\n      id\n      scoreSeries(instrument: $instrument) {\n        date\n        score\n        band\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonRecord($id: ID!) {\n    person(id: $id) {\n      id\n      version\n      fiscalCode\n      fiscalCodeMissingReason\n      alternativeCode\n      givenName\n      familyName\n      birthDate\n      birthPlace\n      sex\n      residence\n      homeless\n      domicile\n      phone\n      email\n      language\n      targetGroups\n      age\n      teams {\n        id\n        name\n        kind\n      }\n      referencePersons {\n        id\n        kind\n        fullName\n        relationship\n        phone\n        email\n        notes\n      }\n      privacyConsents {\n        id\n        kind\n        granted\n        givenOn\n        recordedAt\n        recordedBy {\n          id\n          displayName\n        }\n      }\n      referrals {\n        id\n        source\n        reason\n        urgency\n        status\n        createdAt\n        acceptedAt\n        closedAt\n        outcome\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonRecord($id: ID!) {\n    person(id: $id) {\n      id\n      version\n      fiscalCode\n      fiscalCodeMissingReason\n      alternativeCode\n      givenName\n      familyName\n      birthDate\n      birthPlace\n      sex\n      residence\n      homeless\n      domicile\n      phone\n      email\n      language\n      targetGroups\n      age\n      teams {\n        id\n        name\n        kind\n      }\n      referencePersons {\n        id\n        kind\n        fullName\n        relationship\n        phone\n        email\n        notes\n      }\n      privacyConsents {\n        id\n        kind\n        granted\n        givenOn\n        recordedAt\n        recordedBy {\n          id\n          displayName\n        }\n      }\n      referrals {\n        id\n        source\n        reason\n        urgency\n        status\n        createdAt\n        acceptedAt\n        closedAt\n        outcome\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPrivacyConsent($input: RecordPrivacyConsentInput!) {\n    recordPrivacyConsent(input: $input) {\n      id\n      privacyConsents {\n        id\n        kind\n        granted\n        givenOn\n        recordedAt\n        recordedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordPrivacyConsent($input: RecordPrivacyConsentInput!) {\n    recordPrivacyConsent(input: $input) {\n      id\n      privacyConsents {\n        id\n        kind\n        granted\n        givenOn\n        recordedAt\n        recordedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReferencePerson($input: AddReferencePersonInput!) {\n    addReferencePerson(input: $input) {\n      id\n      referencePersons {\n        id\n        kind\n        fullName\n        relationship\n        phone\n        email\n        notes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddReferencePerson($input: AddReferencePersonInput!) {\n    addReferencePerson(input: $input) {\n      id\n      referencePersons {\n        id\n        kind\n        fullName\n        relationship\n        phone\n        email\n        notes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTeams {\n    teams(mine: true, first: 100) {\n      nodes {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTeams {\n    teams(mine: true, first: 100) {\n      nodes {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      givenName\n      familyName\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n      givenName\n      familyName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Persons($first: Int!, $after: String, $search: String) {\n    persons(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        givenName\n        familyName\n        fiscalCode\n        fiscalCodeMissingReason\n        birthDate\n        age\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Persons($first: Int!, $after: String, $search: String) {\n    persons(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        givenName\n        familyName\n        fiscalCode\n        fiscalCodeMissingReason\n        birthDate\n        age\n        teams {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on User {\n    id\n    email\n    displayName\n    role\n    profession\n    organization {\n      id\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on User {\n    id\n    email\n    displayName\n    role\n    profession\n    organization {\n      id\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;