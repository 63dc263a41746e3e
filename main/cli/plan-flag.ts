import { readFile } from 'node:fs/promises';
import { loadPlan } from '../../shared/model/plan-load';
import type { Plan } from '../../shared/model/plan';

/**
 * Read and validate the plan file given with `--plan`. On failure it prints the reason, naming
 * the flag or the plan's field, sets exit status 2 (bad input) and returns undefined.
 */
export async function readPlanFlag(file: string): Promise<Plan | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    process.stderr.write(
      `mailwright: --plan: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`,
    );
    process.exitCode = 2;
    return undefined;
  }
  const loaded = loadPlan(text);
  if (!loaded.ok) {
    process.stderr.write(`mailwright: ${loaded.field}: ${loaded.message}\n`);
    process.exitCode = 2;
    return undefined;
  }
  return loaded.plan;
}
