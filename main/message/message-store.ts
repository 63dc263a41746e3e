import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { messageResultSchema, type MessageResult } from '../../shared/checks/message-result';
import type { ProjectStore } from '../store/project-store';

const FILE = 'message-test.json';

/** Store a project's last message result (atomic, 0600). */
export async function saveMessageResult(
  store: ProjectStore,
  projectId: string,
  result: MessageResult,
): Promise<void> {
  await store.get(projectId); // the project must exist
  await writeFileAtomic(
    join(store.projectDir(projectId), FILE),
    `${JSON.stringify(result, null, 2)}\n`,
    {
      mode: 0o600,
      fsync: true,
    },
  );
}

/** A project's last message result, or null (none yet, or a file that does not read as one). */
export async function loadMessageResult(
  store: ProjectStore,
  projectId: string,
): Promise<MessageResult | null> {
  try {
    const text = await readFile(join(store.projectDir(projectId), FILE), 'utf8');
    const parsed = messageResultSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
