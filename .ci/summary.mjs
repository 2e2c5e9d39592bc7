// Prints `N passed, N failed` from vitest's JSON report (written when CI is set).
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
const file = 'test-results/vitest.json';
let passed = 0;
let failed = 0;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numTotalTestSuites ? 0 : 0);
  if (report.success === false && failed === 0) failed = 1;
} else if (status !== 0) {
  // The type check or lint failed before the tests ran.
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
