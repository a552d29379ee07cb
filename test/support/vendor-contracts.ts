import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The vendor contract fragments the tests compare against, kept in the repository (see the folder's README). */
export const VENDOR_CONTRACTS_DIR = join(__dirname, '..', 'fixtures', 'vendor-contracts');

/** Parses one file of test/fixtures/vendor-contracts/; a missing file fails the test, it never skips it. */
export function vendorContract<T>(file: string): T {
  return JSON.parse(readFileSync(join(VENDOR_CONTRACTS_DIR, file), 'utf8')) as T;
}
