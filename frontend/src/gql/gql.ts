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
    "\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.OrganizationChoicesDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query AdminOrganizations($first: Int!, $after: String, $kind: OrganizationKind) {\n    organizations(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        fiscalCode\n        createdAt\n      }\n    }\n  }\n": typeof types.AdminOrganizationsDocument,
    "\n  query AdminUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        version\n        email\n        displayName\n        role\n        profession\n        active\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation SetUserActive($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      active\n    }\n  }\n": typeof types.SetUserActiveDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...ViewerFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment ViewerFields on User {\n    id\n    email\n    displayName\n    role\n    profession\n    organization {\n      id\n      name\n      kind\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
};
const documents: Documents = {
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      kind\n      fiscalCode\n      createdAt\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.OrganizationChoicesDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      email\n      displayName\n    }\n  }\n": types.CreateUserDocument,
    "\n  query AdminOrganizations($first: Int!, $after: String, $kind: OrganizationKind) {\n    organizations(first: $first, after: $after, kind: $kind) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        kind\n        fiscalCode\n        createdAt\n      }\n    }\n  }\n": types.AdminOrganizationsDocument,
    "\n  query AdminUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        version\n        email\n        displayName\n        role\n        profession\n        active\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation SetUserActive($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      active\n    }\n  }\n": types.SetUserActiveDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...ViewerFields\n    }\n  }\n": types.LoginDocument,
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
export function graphql(source: "\n  query AdminUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        version\n        email\n        displayName\n        role\n        profession\n        active\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($first: Int!, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        version\n        email\n        displayName\n        role\n        profession\n        active\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserActive($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserActive($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      id\n      version\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...ViewerFields\n    }\n  }\n"];
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